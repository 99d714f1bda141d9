package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.PlanFixture.OTHER_PROVIDER;
import static org.pve.caseplatform.plan.PlanFixture.PROVIDER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.HttpJsonClient.Response;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;

/**
 * One case's plan from the agreed formulation to closure, as issue 6 tells it: the formulation opens the plan;
 * consent and an owner; two commissions to two providers; one accepts and reports progress raising a concern, the
 * other declines; the review comes forward; the review decides to close; the case is closed. Every step is an
 * event on the plan topic, in order.
 */
class PlanJourneyIT extends PlanHttpTest {


    @Test
    void anAgreedFormulationIsCarriedThroughCommissionsAConcernAndAReviewToClosure() throws Exception {
        HttpJsonClient mentor = plans.provider(PROVIDER);
        HttpJsonClient declining = plans.provider(OTHER_PROVIDER);

        UUID caseId = plans.openPlan();
        JsonNode opened = plans.awaitPlan(caseId);
        Instant cadenceReview = Instant.parse(opened.path("nextReviewDue").asText());
        assertThat(plans.consent(caseId).status()).isEqualTo(201);
        assertThat(plans.assignOwner(caseId).status()).isEqualTo(200);
        String accepted = plans.commissioned(caseId, PROVIDER);
        String declined = plans.commissioned(caseId, OTHER_PROVIDER);

        assertThat(mentor.post("/commissions/" + accepted + "/acceptance").status()).isEqualTo(200);
        assertThat(mentor.post("/commissions/" + accepted + "/start").status()).isEqualTo(200);
        assertThat(mentor.post("/commissions/" + accepted + "/progress", Map.of("engagement", "PARTIAL",
                "concernRaised", true, "summary", "talks of new online contacts (invented)")).status())
                .isEqualTo(200);
        assertThat(declining.post("/commissions/" + declined + "/decline",
                Map.of("reason", "no mentor free before the summer (invented)")).status()).isEqualTo(200);

        JsonNode beforeReview = owner.get("/plans/" + caseId).body();
        Instant broughtForward = Instant.parse(beforeReview.path("nextReviewDue").asText());
        assertThat(broughtForward).isBefore(cadenceReview)
                .isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        assertThat(beforeReview.path("attention").path("declinedCommissions").toString()).contains(declined);

        Response review = owner.post("/plans/" + caseId + "/reviews", Map.of("decision", "CLOSE",
                "outcome", "GOALS_MET"));
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body().path("stage").asText()).isEqualTo("CLOSED");
        assertThat(review.body().path("closure").path("outcome").asText()).isEqualTo("GOALS_MET");

        List<String> events = TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), Topics.PLAN_EVENTS,
                        record -> caseId.toString().equals(record.key()),
                        found -> found.stream().anyMatch(r -> "CaseClosed".equals(type(r))), Duration.ofSeconds(30))
                .stream().map(PlanJourneyIT::type).toList();
        assertThat(events).containsSubsequence("PlanOpened", "ConsentRecorded", "CaseOwnerAssigned",
                "ServiceCommissioned", "ServiceCommissioned", "ServiceAccepted", "ServiceDeliveryStarted",
                "ProgressReported", "ReviewBroughtForward", "ServiceDeclined", "CaseReviewed", "CaseClosed");
    }

    private static String type(ConsumerRecord<?, ?> record) {
        return TopicReader.header(record, EventHeaders.EVENT_TYPE);
    }
}
