package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;

/** Family groups: siblings and a parent grouped, each keeping a case of their own. */
class FamilyIT extends MatchingItSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void brothersAreGroupedAsAFamilyAndAParentJoinsEachKeepingTheirOwnCase() throws Exception {
        Accepted elder = indexed(referByAgency("EDUCATION", "uk-luton", invented("Abara")));
        Accepted younger = indexed(referByAgency("EDUCATION", "uk-luton", invented("Abara")));
        Accepted mother = indexed(referByAgency("SOCIAL_SERVICES", "uk-luton", invented("Abara")));

        Answer formed = client.post("/families", Map.of("members", List.of(
                member(elder, "SIBLING"), member(younger, "SIBLING"))), SOCIAL_WORKER);

        assertThat(formed.status()).as(formed.body().toString()).isEqualTo(201);
        String familyId = formed.body().get("familyId").asText();
        assertThat(members(formed.body())).containsExactly(elder.caseId(), younger.caseId());
        List<ConsumerRecord<String, String>> records = recordsOf(elder.caseId(), "FamilyGroupFormed");
        JsonNode event = json.readTree(only(records, "FamilyGroupFormed").get(0).value());
        assertThat(event.get("familyId").asText()).isEqualTo(familyId);
        assertThat(event.get("formedBy").asText()).isEqualTo(SOCIAL_WORKER.id());

        Answer added = client.post("/families/" + familyId + "/members", Map.of("caseId", mother.caseId(),
                "relation", "PARENT"), SOCIAL_WORKER);

        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        assertThat(members(client.get("/families/" + familyId, SOCIAL_WORKER).body()))
                .containsExactly(elder.caseId(), younger.caseId(), mother.caseId());
        assertThat(only(recordsOf(mother.caseId(), "CaseAddedToFamily"), "CaseAddedToFamily")).hasSize(1);
        assertThat(List.of(caseOf(elder.referralId()), caseOf(younger.referralId()), caseOf(mother.referralId())))
                .containsExactly(elder.caseId(), younger.caseId(), mother.caseId()).doesNotHaveDuplicates();
        assertThat(records).noneMatch(r -> r.value().contains("Abara"));
        assertProblem(client.post("/families/" + familyId + "/members", Map.of("caseId", younger.caseId(),
                "relation", "SIBLING"), SOCIAL_WORKER), 409, "caseId");
    }

    @Test
    void aFamilyNeedsTwoDifferentKnownCasesAndAKnownFamily() {
        Accepted only = indexed(referByAgency("EDUCATION", "uk-luton", invented("Okoye")));
        Map<String, Object> one = Map.of("members", List.of(member(only, "SIBLING")));
        Map<String, Object> twice = Map.of("members", List.of(member(only, "SIBLING"),
                member(only, "SIBLING")));
        Map<String, Object> stranger = Map.of("members", List.of(member(only, "SIBLING"),
                Map.of("caseId", UUID.randomUUID().toString(), "relation", "SIBLING")));

        assertProblem(client.post("/families", one, SOCIAL_WORKER), 400, "members");
        assertProblem(client.post("/families", twice, SOCIAL_WORKER), 400, "members");
        assertProblem(client.post("/families", stranger, SOCIAL_WORKER), 404, "id");
        assertProblem(client.get("/families/" + UUID.randomUUID(), SOCIAL_WORKER), 404, "id");
        assertProblem(client.get("/families/" + only.referralId(), SOCIAL_WORKER), 404, "id");
        assertProblem(client.post("/families/" + UUID.randomUUID() + "/members", Map.of("caseId", only.caseId(),
                "relation", "PARENT"), SOCIAL_WORKER), 404, "id");
        assertThat(client.post("/families", twice, ReferralClient.PUBLIC).status()).isEqualTo(401);
        assertThat(client.post("/families", twice, ReferralClient.PANEL_MEMBER).status()).isEqualTo(403);
    }

    /** Waits until the case index knows the referral's case (a family is formed from known cases). */
    private Accepted indexed(Accepted referral) {
        queueEntry("uk-luton", referral.referralId(), e -> true);
        return referral;
    }

    private static Map<String, String> member(Accepted referral, String relation) {
        return Map.of("caseId", referral.caseId(), "relation", relation);
    }

    private static List<String> members(JsonNode family) {
        return family.get("members").findValuesAsText("caseId");
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.errorFields()).contains(field);
    }
}
