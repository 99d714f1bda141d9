package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Topics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A client that retries a command with the same Idempotency-Key gets the first answer again and causes nothing a
 * second time; the key is the caller's own, bound to the one request it was first used for.
 */
class IdempotentCommandsIT extends AssessmentItSupport {

    private static final String LUTON = "uk-luton";
    private static final String SOCIAL_WORKER = panel(Agency.SOCIAL_SERVICES, LUTON);
    private static final String HEALTH = panel(Agency.HEALTH, LUTON);
    private static final Map<String, Object> PROPOSAL = Map.of("needs", List.of("a mentor (invented)"),
            "interventionLevel", "TARGETED", "leadAgency", "SOCIAL_SERVICES",
            "summary", "Invented summary sent twice by a client that lost the first answer.");

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndHasNoSecondEffect() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        HttpHeaders key = key(UUID.randomUUID().toString());

        ResponseEntity<JsonNode> first = post(formulations(caseId), SOCIAL_WORKER, PROPOSAL, key);
        ResponseEntity<JsonNode> retry = post(formulations(caseId), SOCIAL_WORKER, PROPOSAL, key);

        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(retry.getHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().getFirst("Idempotency-Replayed")).isNull();
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("formulations")).hasSize(1);
        assertThat(published(Topics.ASSESSMENT_EVENTS, caseId, "FormulationProposed", found -> !found.isEmpty()))
                .hasSize(1);

        ResponseEntity<JsonNode> withoutKey = post(formulations(caseId), SOCIAL_WORKER, PROPOSAL);
        assertThat(withoutKey.getBody().path("formulationVersion").asInt()).as("no key, a new proposal").isEqualTo(2);
    }

    @Test
    void theFirstAnswerIsKeptEvenWhenItWasARefusal() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        HttpHeaders key = key(UUID.randomUUID().toString());
        String endorsements = formulations(caseId) + "/1/endorsements";

        ResponseEntity<JsonNode> refused = post(endorsements, HEALTH, Map.of(), key);
        assertThat(propose(caseId, SOCIAL_WORKER).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> retry = post(endorsements, HEALTH, Map.of(), key);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(retry.getBody()).isEqualTo(refused.getBody());
        assertThat(retry.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("formulations").get(0)
                .path("endorsements")).as("the retry did not endorse").isEmpty();
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefusedWith422AndChangesNothing() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        HttpHeaders key = key(UUID.randomUUID().toString());
        assertThat(post(formulations(caseId), SOCIAL_WORKER, PROPOSAL, key).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> other = post(formulations(caseId), SOCIAL_WORKER, Map.of("needs",
                List.of("family support"), "interventionLevel", "EARLY_SUPPORT", "leadAgency", "HEALTH",
                "summary", "Another invented proposal"), key);

        assertRefused(other, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key");
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("formulations")).hasSize(1);
    }

    @Test
    void anotherCallersRequestWithTheSameKeyIsItsOwn() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        HttpHeaders key = key("shared-key-" + UUID.randomUUID());

        ResponseEntity<JsonNode> mine = post(formulations(caseId), SOCIAL_WORKER, PROPOSAL, key);
        ResponseEntity<JsonNode> theirs = post(formulations(caseId), HEALTH, PROPOSAL, key);

        assertThat(mine.getBody().path("formulationVersion").asInt()).isEqualTo(1);
        assertThat(theirs.getBody().path("formulationVersion").asInt()).isEqualTo(2);
        assertThat(theirs.getHeaders().getFirst("Idempotency-Replayed")).isNull();
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        assertRefused(post(formulations(caseId), SOCIAL_WORKER, PROPOSAL, key("x".repeat(256))),
                HttpStatus.BAD_REQUEST, "Idempotency-Key");
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("formulations")).isEmpty();
    }

    private static HttpHeaders key(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", value);
        return headers;
    }
}
