package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The assessment service inside the security model: a cleared Luton case agreed by its panel, each member acting
 * for their own agency; role, scope and purpose refusals; every read of the assessment in the access log.
 */
class AssessmentServiceIT extends AssessmentItSupport {

    private static final String LUTON = "uk-luton";
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String SOCIAL_WORKER = panel(Agency.SOCIAL_SERVICES, LUTON);

    @Test
    void aClearedLutonReferralOpensAnAssessmentThatThePanelAgrees() throws Exception {
        SecurityScreenCleared cleared = cleared(UUID.randomUUID(), LUTON, "sub-it-luton-1");
        publish(cleared, UUID.randomUUID().toString(), null);

        JsonNode opened = awaitAssessment(cleared.caseId(), SOCIAL_WORKER);
        assertThat(opened.path("districtId").asText()).isEqualTo(LUTON);
        assertThat(opened.path("subjectRef").asText()).isEqualTo("sub-it-luton-1");
        assertThat(opened.path("frameworkId").asText()).isEqualTo("uk-safeguarding");
        assertThat(opened.path("frameworkVersion").asInt()).isEqualTo(1);
        assertThat(texts(opened.path("requiredAgencies"))).containsExactly("SOCIAL_SERVICES", "POLICE", "HEALTH");
        assertThat(Instant.parse(opened.path("dueAt").asText()))
                .isEqualTo(cleared.occurredAt().plus(21, ChronoUnit.DAYS));
        assertThat(opened.path("stage").asText()).isEqualTo("OPEN");
        assertThat(opened.path("confidentialityAgreements").isEmpty()).isTrue();

        ResponseEntity<JsonNode> proposed = propose(cleared.caseId(), SOCIAL_WORKER);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(proposed.getBody().path("formulationVersion").asInt()).isEqualTo(1);
        assertThat(proposed.getBody().path("caseId").asText()).isEqualTo(cleared.caseId().toString());
        assertThat(proposed.getHeaders().getLocation())
                .hasToString("/assessments/" + cleared.caseId() + "/formulations/1");

        ResponseEntity<JsonNode> first = endorse(cleared.caseId(), 1, SOCIAL_WORKER);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().path("agency").asText()).isEqualTo("SOCIAL_SERVICES");
        assertThat(first.getBody().path("endorsedBy").asText()).isEqualTo(memberId(Agency.SOCIAL_SERVICES));
        assertThat(first.getBody().path("stage").asText()).isEqualTo("OPEN");
        endorse(cleared.caseId(), 1, panel(Agency.POLICE, LUTON));
        ResponseEntity<JsonNode> last = endorse(cleared.caseId(), 1, panel(Agency.HEALTH, LUTON));
        assertThat(last.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(last.getBody().path("stage").asText()).isEqualTo("FORMULATION_AGREED");

        JsonNode agreed = read(cleared.caseId(), SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(agreed.path("stage").asText()).isEqualTo("FORMULATION_AGREED");
        JsonNode formulation = agreed.path("formulations").get(0);
        assertThat(formulation.path("agreed").asBoolean()).isTrue();
        assertThat(formulation.path("proposedBy").asText()).isEqualTo(memberId(Agency.SOCIAL_SERVICES));
        assertThat(formulation.path("summary").asText())
                .isEqualTo("Invented summary: isolated, receptive to a mentor.");
        assertThat(formulation.path("endorsements").findValuesAsText("agency"))
                .containsExactly("SOCIAL_SERVICES", "POLICE", "HEALTH");
        assertThat(formulation.path("endorsements").findValuesAsText("endorsedBy"))
                .containsExactly(memberId(Agency.SOCIAL_SERVICES), memberId(Agency.POLICE),
                        memberId(Agency.HEALTH));

        ConsumerRecord<String, String> published = published(Topics.ASSESSMENT_EVENTS, cleared.caseId(),
                "FormulationAgreed", found -> !found.isEmpty()).get(0);
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.path("formulationVersion").asInt()).isEqualTo(1);
        assertThat(event.path("leadAgency").asText()).isEqualTo("SOCIAL_SERVICES");
        assertThat(texts(event.path("endorsingAgencies"))).containsExactly("SOCIAL_SERVICES", "POLICE", "HEALTH");
        assertThat(published.key()).isEqualTo(cleared.caseId().toString());
    }

    @Test
    void aRedeliveredScreenClearanceLeavesTheAssessmentUnchanged() throws Exception {
        SecurityScreenCleared cleared = cleared(UUID.randomUUID(), LUTON, "sub-it-luton-2");
        String messageId = UUID.randomUUID().toString();
        RecordMetadata first = publish(cleared, messageId, null);
        JsonNode before = awaitAssessment(cleared.caseId(), SOCIAL_WORKER);

        publish(cleared, messageId, first.partition());
        SecurityScreenCleared marker = cleared(UUID.randomUUID(), LUTON, "sub-it-luton-3");
        publish(marker, UUID.randomUUID().toString(), first.partition());
        awaitAssessment(marker.caseId(), SOCIAL_WORKER);

        JsonNode after = read(cleared.caseId(), SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong()).isZero();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aFormulationWithoutNeedsIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> refused = post(formulations(UUID.randomUUID()), SOCIAL_WORKER, Map.of(
                "interventionLevel", "TARGETED", "leadAgency", "HEALTH", "summary", "invented"));

        assertRefused(refused, HttpStatus.BAD_REQUEST, "needs");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFormulationWithAnUnknownInterventionLevelIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> refused = post(formulations(UUID.randomUUID()), SOCIAL_WORKER, Map.of(
                "needs", List.of("invented need"), "interventionLevel", "WHATEVER_WORKS", "leadAgency", "HEALTH",
                "summary", "invented"));

        assertRefused(refused, HttpStatus.BAD_REQUEST, "interventionLevel");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutATokenNothingIsAnsweredButUnauthenticated() throws Exception {
        SecurityScreenCleared cleared = openAssessment(LUTON, SOCIAL_WORKER);

        assertThat(read(cleared.caseId(), null, "ASSESSMENT").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(propose(cleared.caseId(), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(recordAgreement(cleared.caseId(), null, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPoliceScreenerMayNotProposeAFormulation() throws Exception {
        SecurityScreenCleared cleared = openAssessment(LUTON, SOCIAL_WORKER);

        ResponseEntity<JsonNode> refused = propose(cleared.caseId(),
                TestTokens.bearer(Role.POLICE_SCREENER, Agency.POLICE, LUTON));

        assertRefused(refused, HttpStatus.FORBIDDEN, "caller");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anotherDistrictsAssessmentIsNotFoundExactlyAsAnUnknownCase() throws Exception {
        SecurityScreenCleared cleared = openAssessment(LUTON, SOCIAL_WORKER);
        String elsewhere = panel(Agency.SOCIAL_SERVICES, "dk-fyn");

        ResponseEntity<JsonNode> outOfScope = read(cleared.caseId(), elsewhere, "ASSESSMENT");
        ResponseEntity<JsonNode> unknown = read(UUID.randomUUID(), elsewhere, "ASSESSMENT");

        assertThat(outOfScope.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(outOfScope.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(withoutInstance(outOfScope.getBody())).isEqualTo(withoutInstance(unknown.getBody()));
        ResponseEntity<JsonNode> proposal = propose(cleared.caseId(), elsewhere);
        assertThat(proposal.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(withoutInstance(proposal.getBody())).isEqualTo(withoutInstance(unknown.getBody()));
        assertThat(read(cleared.caseId(), dpo("dk-fyn"), "DATA_PROTECTION").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPanelMemberOfAnAgencyOffThePanelDoesNotFindTheAssessment() throws Exception {
        SecurityScreenCleared cleared = openAssessment(LUTON, SOCIAL_WORKER);
        String education = panel(Agency.EDUCATION, LUTON);

        assertThat(read(cleared.caseId(), education, "ASSESSMENT").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(propose(cleared.caseId(), education).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(endorse(cleared.caseId(), 1, education).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read(cleared.caseId(), dpo(LUTON), "DATA_PROTECTION").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aReadStatesAPurposeOtherThanProsecutionAndIsWrittenToTheAccessLog() throws Exception {
        SecurityScreenCleared cleared = openAssessment(LUTON, SOCIAL_WORKER);

        assertRefused(read(cleared.caseId(), SOCIAL_WORKER, null), HttpStatus.BAD_REQUEST, "X-Purpose");
        assertRefused(read(cleared.caseId(), SOCIAL_WORKER, "PROSECUTION"), HttpStatus.FORBIDDEN, "X-Purpose");
        assertRefused(read(cleared.caseId(), SOCIAL_WORKER, "RESEARCH"), HttpStatus.FORBIDDEN, "X-Purpose");
        assertRefused(get(formulations(cleared.caseId()) + "/1", SOCIAL_WORKER, null), HttpStatus.BAD_REQUEST,
                "X-Purpose");
        propose(cleared.caseId(), SOCIAL_WORKER);
        ResponseEntity<JsonNode> formulation = get(formulations(cleared.caseId()) + "/1",
                panel(Agency.HEALTH, LUTON), "SAFEGUARDING");
        assertThat(formulation.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(formulation.getBody().path("version").asInt()).isEqualTo(1);

        List<ConsumerRecord<String, String>> logged = published(Topics.ACCESS_LOG, cleared.caseId(),
                "CaseRecordAccessed", found -> found.size() >= 2);
        List<JsonNode> reads = logged.stream().map(record -> readTree(record.value())).toList();
        assertThat(reads).extracting(read -> read.path("who").asText())
                .containsExactly(memberId(Agency.SOCIAL_SERVICES), memberId(Agency.HEALTH));
        assertThat(reads).extracting(read -> read.path("purpose").asText())
                .containsExactly("ASSESSMENT", "SAFEGUARDING");
        assertThat(reads).extracting(read -> read.path("view").asText()).containsOnly("assessment");
        assertThat(reads).extracting(read -> read.path("role").asText()).containsOnly("PANEL_MEMBER");
        assertThat(reads.get(1).path("agency").asText()).isEqualTo("HEALTH");
        assertThat(logged.get(0).key()).isEqualTo(cleared.caseId().toString());
    }

    @Test
    void actorsAreTheCallerAndTheirOwnAgency() throws Exception {
        SecurityScreenCleared cleared = openAssessment(LUTON, SOCIAL_WORKER);

        assertRefused(post(formulations(cleared.caseId()), SOCIAL_WORKER, Map.of(
                "needs", List.of("invented need"), "interventionLevel", "TARGETED", "leadAgency", "HEALTH",
                "proposedBy", "someone-else-invented", "summary", "invented")), HttpStatus.BAD_REQUEST, "proposedBy");
        propose(cleared.caseId(), SOCIAL_WORKER);
        assertRefused(post(formulations(cleared.caseId()) + "/1/endorsements", SOCIAL_WORKER,
                Map.of("agency", "POLICE")), HttpStatus.BAD_REQUEST, "agency");
        assertRefused(post(formulations(cleared.caseId()) + "/1/endorsements", SOCIAL_WORKER,
                Map.of("endorsedBy", "someone-else-invented")), HttpStatus.BAD_REQUEST, "endorsedBy");

        ResponseEntity<JsonNode> named = post(formulations(cleared.caseId()) + "/1/endorsements", SOCIAL_WORKER,
                Map.of("agency", "SOCIAL_SERVICES", "endorsedBy", memberId(Agency.SOCIAL_SERVICES)));
        assertThat(named.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertRefused(endorse(cleared.caseId(), 1, SOCIAL_WORKER), HttpStatus.CONFLICT, "agency");
    }

    @Test
    void anAssessmentNobodyOpenedIsNotFound() {
        ResponseEntity<JsonNode> missing = read(UUID.randomUUID(), SOCIAL_WORKER, "ASSESSMENT");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A problem body without its instance (the request path, which names the case asked for). */
    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
