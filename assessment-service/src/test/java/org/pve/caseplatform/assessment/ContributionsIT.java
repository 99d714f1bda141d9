package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The panel's contributions over HTTP in a MASH district (uk-luton): information shared on a legal basis of the
 * practice model and for a purpose other than prosecution, factor ratings 0 to 3, a SECURITY_LED formulation led by
 * the police, and the two endings (escalation to security, no further action) after which the assessment takes no
 * further commands. In a CPRAF district (fr-01) a contribution needs a confidentiality agreement.
 */
class ContributionsIT extends AssessmentItSupport {

    private static final String LUTON = "uk-luton";
    private static final String FR = "fr-01";
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String SOCIAL_WORKER = panel(Agency.SOCIAL_SERVICES, LUTON);
    private static final String HEALTH = panel(Agency.HEALTH, LUTON);
    private static final String POLICE = panel(Agency.POLICE, LUTON);
    private static final String SHARED = "Invented: attends the clinic, withdrawn since spring.";
    private static final String EVIDENCE = "Invented: talks of a group that trains at weekends.";

    @Test
    void aPanelAgencySharesInformationThatTheAssessmentShowsDecrypted() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        ResponseEntity<JsonNode> shared = share(caseId, HEALTH, "GB-CDA-1998-S115", "SUPPORT");
        assertThat(shared.getStatusCode()).as("%s", shared.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(shared.getBody().path("agency").asText()).isEqualTo("HEALTH");
        assertThat(shared.getBody().path("by").asText()).isEqualTo(memberId(Agency.HEALTH));
        assertThat(shared.getBody().path("stage").asText()).isEqualTo("OPEN");

        JsonNode information = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("information");
        assertThat(information).hasSize(1);
        assertThat(information.get(0).path("agency").asText()).isEqualTo("HEALTH");
        assertThat(information.get(0).path("sharedBy").asText()).isEqualTo(memberId(Agency.HEALTH));
        assertThat(information.get(0).path("legalBasis").asText()).isEqualTo("GB-CDA-1998-S115");
        assertThat(information.get(0).path("purpose").asText()).isEqualTo("SUPPORT");
        assertThat(information.get(0).path("summary").asText()).isEqualTo(SHARED);

        ConsumerRecord<String, String> published = published(Topics.ASSESSMENT_EVENTS, caseId,
                "AgencyInformationShared", found -> !found.isEmpty()).get(0);
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.path("legalBasis").asText()).isEqualTo("GB-CDA-1998-S115");
        assertThat(event.path("summary").path("ciphertext").asText()).isNotBlank();
        assertThat(published.value()).doesNotContain("withdrawn since spring");
    }

    @Test
    void aLegalBasisOfAnotherPracticeModelIsRefusedNamingIt() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        ResponseEntity<JsonNode> refused = share(caseId, HEALTH, "DK-AJA-S115", "SUPPORT");
        assertRefused(refused, HttpStatus.BAD_REQUEST, "legalBasis");
        assertThat(refused.getBody().toString()).contains("not a legal basis of the MASH practice model");
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("information").isEmpty()).isTrue();
    }

    @Test
    void prosecutionOrAnUnknownPurposeIsRefusedNamingIt() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        assertRefused(share(caseId, POLICE, "CONSENT", "PROSECUTION"), HttpStatus.BAD_REQUEST, "purpose");
        assertRefused(share(caseId, POLICE, "CONSENT", "CURIOSITY"), HttpStatus.BAD_REQUEST, "purpose");
        assertRefused(share(caseId, POLICE, "CONSENT", null), HttpStatus.BAD_REQUEST, "purpose");
        assertThat(share(caseId, POLICE, "CONSENT", "SAFEGUARDING").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void onlyPanelMembersOfThePanelAgenciesContribute() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        assertThat(share(caseId, TestTokens.bearer(Role.POLICE_SCREENER, Agency.POLICE, LUTON), "CONSENT",
                "SUPPORT").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(share(caseId, panel(Agency.EDUCATION, LUTON), "CONSENT", "SUPPORT").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rate(caseId, panel(Agency.EDUCATION, LUTON), "beliefs", "risk", 1).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(share(caseId, panel(Agency.HEALTH, "dk-fyn"), "CONSENT", "SUPPORT").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void ratingsMakeAFactorProfilePerDomainOfTheDistrictsFramework() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        ResponseEntity<JsonNode> rated = rate(caseId, POLICE, "intent-and-capability", "extremism", 3);
        assertThat(rated.getStatusCode()).as("%s", rated.getBody()).isEqualTo(HttpStatus.CREATED);
        rate(caseId, HEALTH, "suicide", "safeguarding", 2);
        rate(caseId, SOCIAL_WORKER, "education", "safeguarding", 0);

        JsonNode assessment = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(assessment.path("frameworkId").asText()).isEqualTo("uk-safeguarding");
        assertThat(assessment.path("frameworkVersion").asInt()).isEqualTo(1);
        assertThat(assessment.path("framework").path("domains")).extracting(domain -> domain.path("id").asText())
                .containsExactly("safeguarding", "extremism");
        JsonNode profile = assessment.path("factorProfile");
        assertThat(texts(fieldNames(profile))).containsExactly("safeguarding", "extremism");
        assertThat(profile.path("extremism")).hasSize(1);
        assertThat(profile.path("extremism").get(0).path("factorId").asText()).isEqualTo("intent-and-capability");
        assertThat(profile.path("extremism").get(0).path("rating").asInt()).isEqualTo(3);
        assertThat(profile.path("extremism").get(0).path("agency").asText()).isEqualTo("POLICE");
        assertThat(profile.path("extremism").get(0).path("evidence").asText()).isEqualTo(EVIDENCE);
        assertThat(profile.path("safeguarding").findValuesAsText("factorId")).containsExactly("suicide", "education");
        assertThat(profile.path("safeguarding").findValuesAsText("rating")).containsExactly("2", "0");
    }

    @Test
    void aRatingOutsideTheAssessmentsFrameworkIsRefusedNamingTheField() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        // beliefs/risk belong to the Danish dialogue model, not to Luton's safeguarding set
        ResponseEntity<JsonNode> wrongDomain = rate(caseId, POLICE, "beliefs", "risk", 2);
        assertRefused(wrongDomain, HttpStatus.BAD_REQUEST, "domain");
        assertThat(wrongDomain.getBody().path("errors").get(0).path("reason").asText())
                .contains("uk-safeguarding v1").contains("extremism");
        assertRefused(rate(caseId, POLICE, "housing", "extremism", 2), HttpStatus.BAD_REQUEST, "factorId");
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("factorProfile").findValues("factorId"))
                .isEmpty();
    }

    private static JsonNode fieldNames(JsonNode object) {
        com.fasterxml.jackson.databind.node.ArrayNode names = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.arrayNode();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aRatingOutOfRangeIsRefusedNamingIt() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        assertRefused(rate(caseId, HEALTH, "suicide", "safeguarding", 4), HttpStatus.BAD_REQUEST, "rating");
        assertRefused(rate(caseId, HEALTH, "suicide", "safeguarding", -1), HttpStatus.BAD_REQUEST, "rating");
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("factorProfile").findValues("factorId"))
                .isEmpty();
    }

    @Test
    void aSecurityLedFormulationNamingAnotherLeadIsLedByThePolice() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        ResponseEntity<JsonNode> proposed = post(formulations(caseId), SOCIAL_WORKER, Map.of(
                "needs", List.of("protection of others"), "interventionLevel", "SECURITY_LED",
                "leadAgency", "SOCIAL_SERVICES", "summary", "Invented: a risk to others."));
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode formulation = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("formulations").get(0);
        assertThat(formulation.path("leadAgency").asText()).isEqualTo("POLICE");
    }

    @Test
    void aNewProposalVoidsEarlierEndorsements() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        propose(caseId, SOCIAL_WORKER);
        endorse(caseId, 1, SOCIAL_WORKER);
        endorse(caseId, 1, POLICE);
        propose(caseId, HEALTH);

        assertRefused(endorse(caseId, 1, HEALTH), HttpStatus.CONFLICT, "formulationVersion");
        endorse(caseId, 2, HEALTH);
        assertThat(endorse(caseId, 2, SOCIAL_WORKER).getBody().path("stage").asText()).isEqualTo("OPEN");
        assertThat(endorse(caseId, 2, POLICE).getBody().path("stage").asText()).isEqualTo("FORMULATION_AGREED");
    }

    @Test
    void anEscalationEndsTheAssessmentAndSealsItForThePoliceAlone() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        ResponseEntity<JsonNode> escalated = post("/assessments/" + caseId + "/escalation", POLICE,
                Map.of("reason", "Invented: a plan of violence came to light", "escalatedTo", "POLICE_INVESTIGATION"));
        assertThat(escalated.getStatusCode()).as("%s", escalated.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(escalated.getBody().path("stage").asText()).isEqualTo("ESCALATED_TO_SECURITY");

        JsonNode view = read(caseId, POLICE, "ASSESSMENT").getBody();
        assertThat(view.path("stage").asText()).isEqualTo("ESCALATED_TO_SECURITY");
        assertThat(view.path("ending").path("escalatedTo").asText()).isEqualTo("POLICE_INVESTIGATION");
        assertThat(view.path("ending").path("decidedBy").asText()).isEqualTo(memberId(Agency.POLICE));
        // the case left the preventive track: outside the police it is as if it never existed
        assertRefused(read(caseId, SOCIAL_WORKER, "ASSESSMENT"), HttpStatus.NOT_FOUND, "id");
        assertRefused(propose(caseId, SOCIAL_WORKER), HttpStatus.NOT_FOUND, "id");
        assertRefused(share(caseId, HEALTH, "CONSENT", "SUPPORT"), HttpStatus.NOT_FOUND, "id");
        assertRefused(propose(caseId, POLICE), HttpStatus.CONFLICT, "stage");
        assertRefused(rate(caseId, POLICE, "intent-and-capability", "extremism", 1), HttpStatus.CONFLICT, "stage");
        assertRefused(conclude(caseId, POLICE), HttpStatus.CONFLICT, "stage");
        assertThat(published(Topics.ASSESSMENT_EVENTS, caseId, "AssessmentEscalatedToSecurity",
                found -> !found.isEmpty())).hasSize(1);
    }

    @Test
    void aConclusionOfNoFurtherActionEndsTheAssessment() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        ResponseEntity<JsonNode> concluded = conclude(caseId, HEALTH);
        assertThat(concluded.getStatusCode()).as("%s", concluded.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(concluded.getBody().path("stage").asText()).isEqualTo("CONCLUDED_NO_FURTHER_ACTION");

        JsonNode view = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(view.path("stage").asText()).isEqualTo("CONCLUDED_NO_FURTHER_ACTION");
        assertThat(view.path("ending").path("decidedBy").asText()).isEqualTo(memberId(Agency.HEALTH));
        assertRefused(post("/assessments/" + caseId + "/escalation", POLICE,
                Map.of("reason", "Invented: second thoughts", "escalatedTo", "INTELLIGENCE_SERVICE")),
                HttpStatus.CONFLICT, "stage");
        assertRefused(conclude(caseId, SOCIAL_WORKER), HttpStatus.CONFLICT, "stage");
    }

    @Test
    void anEscalationWithoutADestinationIsRefusedNamingIt() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        assertRefused(post("/assessments/" + caseId + "/escalation", POLICE, Map.of("reason", "Invented")),
                HttpStatus.BAD_REQUEST, "escalatedTo");
        assertRefused(post("/assessments/" + caseId + "/conclusion", POLICE, Map.of()),
                HttpStatus.BAD_REQUEST, "rationale");
    }

    @Test
    void inACprafDistrictAContributionNeedsAConfidentialityAgreement() throws Exception {
        String prefecture = panel(Agency.PREFECTURE, FR);
        UUID caseId = openAssessment(FR, dpo(FR), "DATA_PROTECTION").caseId();

        assertRefused(share(caseId, prefecture, "FR-CPRAF-CHARTER", "SUPPORT"), HttpStatus.FORBIDDEN,
                "confidentialityAgreement");
        assertRefused(rate(caseId, prefecture, "family", "needs", 1), HttpStatus.FORBIDDEN,
                "confidentialityAgreement");
        assertRefused(conclude(caseId, prefecture), HttpStatus.FORBIDDEN, "confidentialityAgreement");
        recordAgreement(caseId, prefecture, null);

        assertThat(share(caseId, prefecture, "FR-CPRAF-CHARTER", "SUPPORT").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<JsonNode> share(UUID caseId, String token, String legalBasis, String purpose) {
        Map<String, Object> body = new HashMap<>(Map.of("legalBasis", legalBasis, "summary", SHARED));
        if (purpose != null) {
            body.put("purpose", purpose);
        }
        return post("/assessments/" + caseId + "/information", token, body);
    }

    private ResponseEntity<JsonNode> rate(UUID caseId, String token, String factorId, String domain, int rating) {
        return post("/assessments/" + caseId + "/ratings", token,
                Map.of("factorId", factorId, "domain", domain, "rating", rating, "evidence", EVIDENCE));
    }

    private ResponseEntity<JsonNode> conclude(UUID caseId, String token) {
        return post("/assessments/" + caseId + "/conclusion", token,
                Map.of("rationale", "Invented: the concern was a misunderstanding"));
    }
}
