package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two members changing the same assessment at once lose no update: the assessment carries its version as ETag, a
 * change sent with If-Match on a stale version is refused with 412, a change that conflicts with one made at the
 * same moment with 409, each as problem+json naming the version, and nothing of a refused change is stored.
 */
class ConcurrentChangesIT extends AssessmentItSupport {

    private static final String LUTON = "uk-luton";
    private static final String SOCIAL_WORKER = panel(Agency.SOCIAL_SERVICES, LUTON);
    private static final String HEALTH = panel(Agency.HEALTH, LUTON);

    @Test
    void theAssessmentCarriesItsVersionAsETagAndEveryChangeReturnsTheNewOne() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        ResponseEntity<JsonNode> before = read(caseId, SOCIAL_WORKER, "ASSESSMENT");
        assertThat(before.getHeaders().getETag()).isEqualTo("\"" + before.getBody().path("version").asLong() + "\"");

        ResponseEntity<JsonNode> proposed = post(formulations(caseId), SOCIAL_WORKER, proposal(),
                before.getHeaders().getETag());

        assertThat(proposed.getStatusCode()).as("%s", proposed.getBody()).isEqualTo(HttpStatus.CREATED);
        long after = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("version").asLong();
        assertThat(after).isEqualTo(before.getBody().path("version").asLong() + 1);
        assertThat(proposed.getHeaders().getETag()).isEqualTo("\"" + after + "\"");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedWith412NamingTheVersionAndChangesNothing() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        String seen = read(caseId, HEALTH, "ASSESSMENT").getHeaders().getETag();
        // meanwhile another member proposes: the health member's copy is now stale
        assertThat(propose(caseId, SOCIAL_WORKER).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long current = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("version").asLong();

        ResponseEntity<JsonNode> stale = post(formulations(caseId), HEALTH, proposal(), seen);

        assertRefused(stale, HttpStatus.PRECONDITION_FAILED, "If-Match");
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.getBody().path("currentVersion").asLong()).isEqualTo(current);
        assertThat(stale.getBody().path("errors").get(0).path("reason").asText())
                .isEqualTo("names version " + seen.replace("\"", "") + "; the record is at version " + current);
        assertThat(stale.getHeaders().getETag()).isEqualTo("\"" + current + "\"");
        JsonNode after = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(after.path("version").asLong()).isEqualTo(current);
        assertThat(after.path("formulations")).hasSize(1);
    }

    @Test
    void aMalformedIfMatchIsRefusedNamingIt() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        assertRefused(post(formulations(caseId), SOCIAL_WORKER, proposal(), "version-three"),
                HttpStatus.BAD_REQUEST, "If-Match");
        assertRefused(post("/assessments/" + caseId + "/ratings", HEALTH, Map.of("factorId", "suicide",
                        "domain", "safeguarding", "rating", 1, "evidence", "Invented evidence"), "\"3\", \"4\""),
                HttpStatus.BAD_REQUEST, "If-Match");
        assertThat(read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody().path("formulations")).isEmpty();
    }

    @Test
    void aWildcardIfMatchAcceptsAnyVersion() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();

        assertThat(post(formulations(caseId), SOCIAL_WORKER, proposal(), "*").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void membersChangingTheAssessmentAtOnceFromTheSameVersionLoseNoUpdate() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        String etag = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getHeaders().getETag();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(member(Agency.SOCIAL_SERVICES, "social-worker-" + i));
        }

        List<ResponseEntity<JsonNode>> answers = atOnce(members.stream()
                .<Callable<ResponseEntity<JsonNode>>>map(token -> () -> post(formulations(caseId), token, proposal(),
                        etag)).toList());

        List<ResponseEntity<JsonNode>> accepted = answers.stream()
                .filter(answer -> answer.getStatusCode().is2xxSuccessful()).toList();
        assertThat(accepted).as("exactly one change based on version %s is accepted", etag).hasSize(1);
        for (ResponseEntity<JsonNode> refused : answers) {
            if (refused.getStatusCode().is2xxSuccessful()) {
                continue;
            }
            assertThat(refused.getStatusCode()).as("%s", refused.getBody())
                    .isIn(HttpStatus.PRECONDITION_FAILED, HttpStatus.CONFLICT);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().path("currentVersion").asLong()).isPositive();
        }
        JsonNode after = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(after.path("formulations")).hasSize(1);
        List<ConsumerRecord<String, String>> published = published(Topics.ASSESSMENT_EVENTS, caseId,
                "FormulationProposed", records -> !records.isEmpty());
        assertThat(published).hasSize(1);
    }

    @Test
    void twoMembersOfOneAgencyEndorsingAtOnceGetOneEndorsementAndA409NamingTheVersion() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        assertThat(propose(caseId, SOCIAL_WORKER).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<String> members = List.of(member(Agency.HEALTH, "nurse-ivy"), member(Agency.HEALTH, "nurse-oak"),
                member(Agency.HEALTH, "nurse-elm"));

        List<ResponseEntity<JsonNode>> answers = atOnce(members.stream()
                .<Callable<ResponseEntity<JsonNode>>>map(token -> () -> endorse(caseId, 1, token)).toList());

        assertThat(answers.stream().filter(answer -> answer.getStatusCode() == HttpStatus.OK)).hasSize(1);
        List<ResponseEntity<JsonNode>> conflicts = answers.stream()
                .filter(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).toList();
        assertThat(conflicts).hasSize(2);
        conflicts.forEach(conflict -> assertThat(conflict.getBody().path("errors").get(0).path("reason").asText())
                .contains("already endorsed version 1"));
        JsonNode after = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(after.path("formulations").get(0).path("endorsements").findValuesAsText("agency"))
                .containsExactly("HEALTH");
    }

    @Test
    void anEndorsementOfAVersionAnotherMemberJustReplacedIs409NamingBothVersions() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        assertThat(propose(caseId, SOCIAL_WORKER).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // the health member read version 1 of the formulation; the social worker proposes version 2 meanwhile
        assertThat(propose(caseId, SOCIAL_WORKER).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> late = endorse(caseId, 1, HEALTH);

        assertRefused(late, HttpStatus.CONFLICT, "formulationVersion");
        assertThat(late.getBody().path("errors").get(0).path("reason").asText())
                .isEqualTo("version 1 is not the current proposal (current: 2)");
    }

    private static String member(Agency agency, String id) {
        return "Bearer " + TestTokens.token(Role.PANEL_MEMBER, agency, claims -> claims.subject(id), LUTON);
    }

    private static Map<String, Object> proposal() {
        return Map.of("needs", List.of("a mentor (invented)"), "interventionLevel", "TARGETED",
                "leadAgency", "SOCIAL_SERVICES", "summary", "Invented summary for a concurrent change.");
    }

    /** Runs the calls released together from one gate, and returns their answers in order. */
    private static List<ResponseEntity<JsonNode>> atOnce(List<Callable<ResponseEntity<JsonNode>>> calls)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (Callable<ResponseEntity<JsonNode>> call : calls) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
