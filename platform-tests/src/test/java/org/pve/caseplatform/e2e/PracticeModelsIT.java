package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each of the four practice models walked through on the running platform with invented people, exercising what
 * sets it apart: the Danish Info-house (disclosures only on the s.115 basis or consent; the district network sees
 * counts, never a case), Luton's MASH (a cleared referral assessed in the safeguarding framework, three agencies
 * contribute, rate and endorse, the plan opens with the 10-day hand-over deadline), the French CPRAF (case detail
 * refused until a member's confidentiality agreement is on record; four agencies endorse) and the Bavarian Centre of
 * Excellence (the police lead; the referral shows a pseudonym, not the name).
 */
@ExtendWith(SharedPlatform.class)
class PracticeModelsIT {

    private static SecuredPlatform platform;
    private static CaseDriver driver;
    private static PlatformClient client;
    private static IssuerTokens tokens;

    @BeforeAll
    static void useTheSharedPlatform() {
        platform = SharedPlatform.get();
        driver = new CaseDriver(platform);
        client = driver.client();
        tokens = platform.tokens();
    }

    @Test
    void infoHouseRefusesADisclosureWithoutItsLegalBasisAndShowsTheNetworkCountsOnly() {
        String caseId = driver.referAndClear("dk-fyn", "Asta");
        JsonNode assessment = awaitAssessment(caseId, "e2e.panel-social");
        assertThat(assessment.path("frameworkId").asText()).isEqualTo("dk-dialogue");

        PlatformClient.Reply ukBasis = share(caseId, "e2e.panel-police", "GB-CDA-1998-S115");
        assertThat(ukBasis.status()).isEqualTo(400);
        assertThat(ukBasis.body().path("errors").get(0).path("field").asText()).isEqualTo("legalBasis");
        assertThat(ukBasis.body().path("errors").get(0).path("reason").asText()).contains("DK-AJA-S115");
        assertThat(readAssessment(caseId, "e2e.panel-social").path("information")).as("nothing stored").isEmpty();
        client.expect(201, share(caseId, "e2e.panel-police", "DK-AJA-S115"));
        client.expect(201, rate(caseId, "e2e.panel-social", "resilience", "family", 2));
        assertThat(readAssessment(caseId, "e2e.panel-social").path("information").findValuesAsText("legalBasis"))
                .containsExactly("DK-AJA-S115");

        String network = "m.network-social.fyn";
        assertThat(client.get(platform.assessment() + "/assessments/" + caseId,
                tokens.as(network, "ASSESSMENT")).status()).isEqualTo(403);
        assertThat(client.get(platform.audit() + "/cases/" + caseId + "/history",
                tokens.as(network, "AUDIT")).status()).isEqualTo(403);
        JsonNode counts = client.await(platform.audit() + "/cohorts/stages?districtId=dk-fyn",
                reply -> reply.status() == 200 && reply.body().size() > 0, CaseDriver.PATIENCE,
                tokens.auth(network));
        counts.forEach(row -> {
            assertThat(row.path("districtId").asText()).isEqualTo("dk-fyn");
            assertThat(fieldNames(row)).as("a network row is a count (absent when suppressed), no case or person")
                    .contains("districtId", "stage", "suppressed")
                    .isSubsetOf("districtId", "month", "stage", "cases", "suppressed");
            assertThat(row.has("cases")).as("small counts are suppressed: %s", row)
                    .isEqualTo(!row.path("suppressed").asBoolean());
        });
    }

    @Test
    void lutonMashAssessesInTheSafeguardingSetThreeAgenciesAgreeAndTheHandoverIsDueInTenDays() {
        String caseId = driver.referAndClear("uk-luton", "Rowan");
        JsonNode assessment = awaitAssessment(caseId, "e2e.panel-social");
        assertThat(assessment.path("frameworkId").asText()).isEqualTo("uk-safeguarding");
        assertThat(assessment.path("frameworkVersion").asInt()).isEqualTo(1);
        assertThat(texts(assessment.path("requiredAgencies"))).containsExactly("SOCIAL_SERVICES", "POLICE", "HEALTH");

        client.expect(201, share(caseId, "e2e.panel-police", "GB-CDA-1998-S115"));
        client.expect(201, share(caseId, "e2e.panel-social", "GB-CA-2004-S11"));
        client.expect(201, share(caseId, "e2e.panel-health", "CONSENT"));
        client.expect(201, rate(caseId, "e2e.panel-police", "extremism", "intent-and-capability", 1));
        client.expect(201, rate(caseId, "e2e.panel-social", "safeguarding", "education", 2));
        client.expect(201, rate(caseId, "e2e.panel-health", "safeguarding", "suicide", 1));
        int version = propose(caseId, "e2e.panel-social", "TARGETED", "SOCIAL_SERVICES");
        for (String member : List.of("e2e.panel-social", "e2e.panel-police", "e2e.panel-health")) {
            client.expect(200, endorse(caseId, version, member));
        }

        JsonNode agreed = readAssessment(caseId, "e2e.panel-social");
        assertThat(agreed.path("stage").asText()).isEqualTo("FORMULATION_AGREED");
        assertThat(agreed.path("factorProfile").path("safeguarding")).hasSize(2);
        assertThat(agreed.path("information")).hasSize(3);
        JsonNode plan = client.await(platform.plan() + "/plans/" + caseId, CaseDriver.PATIENCE,
                tokens.as("e2e.owner-social", "CASE_MANAGEMENT"));
        Instant lastEndorsement = Instant.parse(agreed.path("formulations").get(0).path("endorsements").get(2)
                .path("at").asText());
        Instant openedAt = Instant.parse(plan.path("openedAt").asText());
        assertThat(Duration.between(lastEndorsement, openedAt)).isBetween(Duration.ZERO, Duration.ofMinutes(1));
        assertThat(Instant.parse(plan.path("handoverDueAt").asText())).isEqualTo(openedAt.plus(Duration.ofDays(10)));
        assertThat(plan.path("leadAgency").asText()).isEqualTo("SOCIAL_SERVICES");
        assertThat(texts(plan.path("panelAgencies"))).containsExactlyInAnyOrder("SOCIAL_SERVICES", "POLICE", "HEALTH");
        assertThat(driver.historyUntil(caseId, "PlanOpened")).contains("AgencyInformationShared", "FactorRated",
                "FormulationAgreed", "PlanOpened");
    }

    @Test
    void cprafRefusesCaseDetailUntilTheMembersAgreementIsOnRecordAndNeedsFourAgencies() {
        String caseId = driver.referAndClear("fr-75", "Noa");
        List<String> members = List.of("e2e.panel-prefecture", "e2e.panel-police", "e2e.panel-education",
                "e2e.panel-health");
        String url = platform.assessment() + "/assessments/" + caseId;
        // the assessment opens; without an agreement even a member of a panel agency may not see it
        JsonNode refused = client.await(url, reply -> reply.status() == 403, CaseDriver.PATIENCE,
                tokens.as("e2e.panel-education", "ASSESSMENT"));
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("confidentialityAgreement");
        assertThat(client.post(url + "/formulations", proposal("TARGETED", "PREFECTURE"),
                tokens.auth("e2e.panel-prefecture")).status()).isEqualTo(403);

        for (String member : members) {
            client.expect(201, client.post(url + "/confidentiality-agreements", Map.of(), tokens.auth(member)));
        }
        JsonNode assessment = client.expect(200, client.get(url, tokens.as("e2e.panel-education", "ASSESSMENT")));
        assertThat(assessment.path("frameworkId").asText()).isEqualTo("fr-needs");
        assertThat(texts(assessment.path("requiredAgencies")))
                .containsExactly("PREFECTURE", "POLICE", "EDUCATION", "HEALTH");
        client.expect(201, share(caseId, "e2e.panel-prefecture", "FR-CPRAF-CHARTER"));
        client.expect(201, rate(caseId, "e2e.panel-education", "needs", "schooling", 2));
        int version = propose(caseId, "e2e.panel-prefecture", "TARGETED", "PREFECTURE");
        for (String member : members.subList(0, 3)) {
            JsonNode endorsed = client.expect(200, endorse(caseId, version, member));
            assertThat(endorsed.path("stage").asText()).as("three of four is not agreement").isEqualTo("OPEN");
        }
        JsonNode last = client.expect(200, endorse(caseId, version, "e2e.panel-health"));

        assertThat(last.path("stage").asText()).isEqualTo("FORMULATION_AGREED");
        assertThat(readAssessment(caseId, "e2e.panel-police").path("formulations").get(0)
                .path("endorsements").findValuesAsText("agency"))
                .containsExactly("PREFECTURE", "POLICE", "EDUCATION", "HEALTH");
    }

    @Test
    void centreOfExcellenceShowsAPseudonymAndThePoliceLead() {
        CaseDriver.Referred referred = driver.refer("de-by-muenchen", "Jonas");
        JsonNode referral = client.expect(200, client.get(platform.referral() + "/referrals/"
                + referred.referralId(), tokens.as(CaseDriver.SCREENER, "SCREENING")));
        assertThat(referral.path("identityHidden").asBoolean()).isTrue();
        assertThat(referral.has("subject")).as("no name before a justified reveal").isFalse();
        assertThat(referral.path("subjectRef").asText()).isNotBlank();
        assertThat(referral.toString()).doesNotContain("Jonas").doesNotContain("Testlund");
        client.expect(200, driver.clear(referred.referralId()));
        String caseId = referred.caseId();

        JsonNode assessment = awaitAssessment(caseId, "e2e.panel-police");
        assertThat(assessment.path("frameworkId").asText()).isEqualTo("de-ppmp");
        assertThat(texts(assessment.path("requiredAgencies"))).containsExactly("POLICE");
        assertThat(assessment.toString()).doesNotContain("Jonas");
        client.expect(201, rate(caseId, "e2e.panel-police", "protective", "trusted-adult", 2));
        // a security-led formulation is led by the police whatever the proposer named
        int version = propose(caseId, "e2e.panel-police", "SECURITY_LED", "SOCIAL_SERVICES");
        client.expect(200, endorse(caseId, version, "e2e.panel-police"));

        JsonNode agreed = readAssessment(caseId, "e2e.panel-police");
        assertThat(agreed.path("stage").asText()).isEqualTo("FORMULATION_AGREED");
        assertThat(agreed.path("formulations").get(0).path("leadAgency").asText()).isEqualTo("POLICE");
        JsonNode plan = client.await(platform.plan() + "/plans/" + caseId, CaseDriver.PATIENCE,
                tokens.as("e2e.owner-police", "CASE_MANAGEMENT"));
        assertThat(plan.path("leadAgency").asText()).isEqualTo("POLICE");
        assertThat(plan.path("subjectRef").asText()).isEqualTo(referral.path("subjectRef").asText());
        assertThat(plan.toString()).doesNotContain("Jonas");
    }

    private static JsonNode awaitAssessment(String caseId, String member) {
        return client.await(platform.assessment() + "/assessments/" + caseId, CaseDriver.PATIENCE,
                tokens.as(member, "ASSESSMENT"));
    }

    private static JsonNode readAssessment(String caseId, String member) {
        return client.expect(200, client.get(platform.assessment() + "/assessments/" + caseId,
                tokens.as(member, "ASSESSMENT")));
    }

    private static PlatformClient.Reply share(String caseId, String member, String legalBasis) {
        return client.post(platform.assessment() + "/assessments/" + caseId + "/information", Map.of(
                "legalBasis", legalBasis, "purpose", "SUPPORT",
                "summary", "Invented: known to the service, attends irregularly"), tokens.auth(member));
    }

    private static PlatformClient.Reply rate(String caseId, String member, String domain, String factorId,
                                             int rating) {
        return client.post(platform.assessment() + "/assessments/" + caseId + "/ratings", Map.of(
                "domain", domain, "factorId", factorId, "rating", rating,
                "evidence", "Invented evidence from the practice-model walk-through"), tokens.auth(member));
    }

    private static int propose(String caseId, String member, String level, String lead) {
        return client.expect(201, client.post(platform.assessment() + "/assessments/" + caseId + "/formulations",
                proposal(level, lead), tokens.auth(member))).path("formulationVersion").asInt();
    }

    private static Map<String, Object> proposal(String level, String lead) {
        return Map.of("needs", List.of("mentoring", "education"), "interventionLevel", level, "leadAgency", lead,
                "summary", "Invented formulation of the walk-through");
    }

    private static PlatformClient.Reply endorse(String caseId, int version, String member) {
        return client.post(platform.assessment() + "/assessments/" + caseId + "/formulations/" + version
                + "/endorsements", Map.of(), tokens.auth(member));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
