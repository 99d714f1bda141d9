package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.EventTopics.formulationAgreed;
import static org.pve.caseplatform.plan.PlanFixture.DISTRICT;
import static org.pve.caseplatform.plan.PlanFixture.OTHER_PROVIDER;
import static org.pve.caseplatform.plan.PlanFixture.OWNER_ID;
import static org.pve.caseplatform.plan.PlanFixture.PROVIDER;
import static org.pve.caseplatform.plan.PlanFixture.briefingFor;
import static org.pve.caseplatform.plan.PlanFixture.commissionBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.HttpJsonClient.Response;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;

/**
 * The plan service as its clients meet it: a real Kafka broker delivers an agreed formulation, the plan is driven
 * over HTTP from owner to closure by a case owner and a provider with their access tokens, and its events come out
 * on the plan topic. The context is closed after the class, while the shared MongoDB-wire server is still up (at JVM
 * exit their shutdown hooks would race).
 */
class PlanServiceIT extends PlanHttpTest {

    private static final String CONSUMER_GROUP = "plan-service.assessment-events";

    private HttpJsonClient provider;

    @BeforeEach
    void provider() {
        provider = plans.provider(PROVIDER);
    }

    @Test
    void aPlanOpensFromAnAgreedFormulationAndIsDeliveredToClosure() throws Exception {
        UUID caseId = UUID.randomUUID();
        topics.publish(formulationAgreed(caseId, DISTRICT));

        JsonNode plan = plans.awaitPlan(caseId);
        assertThat(plan.path("districtId").asText()).isEqualTo(DISTRICT);
        assertThat(plan.path("subjectRef").asText()).isEqualTo(EventTopics.subjectRefOf(caseId));
        assertThat(texts(plan.path("needs"))).containsExactly("mentoring", "education");
        assertThat(plan.path("interventionLevel").asText()).isEqualTo("TARGETED");
        assertThat(plan.path("reviewCadenceDays").asInt()).isEqualTo(30);
        assertThat(plan.path("stage").asText()).isEqualTo("OPEN");
        assertThat(plan.path("version").asLong()).isZero();

        Response owned = plans.assignOwner(caseId);
        assertThat(owned.status()).isEqualTo(200);
        assertThat(owned.body().path("owner").path("ownerRef").asText()).isEqualTo("owner-lene");
        assertThat(owned.body().path("owner").path("agency").asText()).isEqualTo("SOCIAL_SERVICES");

        Response consented = plans.consent(caseId);
        assertThat(consented.status()).isEqualTo(201);
        assertThat(consented.body().path("consentId").asText()).hasSize(36);

        Response commissioned = owner.post("/plans/" + caseId + "/commissions", commissionBody());
        assertThat(commissioned.status()).isEqualTo(201);
        String commissionId = commissioned.body().path("commissionId").asText();
        assertThat(commissioned.body().path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(commissioned.location()).isEqualTo("/commissions/" + commissionId);

        Response accepted = provider.post("/commissions/" + commissionId + "/acceptance");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().path("briefing").asText()).isEqualTo(briefingFor(PROVIDER));
        assertThat(accepted.body().has("needs") || accepted.body().has("owner") || accepted.body().has("subjectRef")
                || accepted.body().has("caseId")).as("the provider sees its commission only").isFalse();

        Response started = provider.post("/commissions/" + commissionId + "/start", Map.of("providerId", PROVIDER));
        assertThat(started.body().path("status").asText()).isEqualTo("IN_DELIVERY");
        Response progress = provider.post("/commissions/" + commissionId + "/progress", Map.of(
                "engagement", "ENGAGED", "concernRaised", false, "summary", "attended all four sessions"));
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body().path("progress").path(0).path("summary").asText())
                .isEqualTo("attended all four sessions");
        assertThat(progress.body().path("progress").path(0).path("engagement").asText()).isEqualTo("ENGAGED");
        Response completed = provider.post("/commissions/" + commissionId + "/completion",
                Map.of("outcome", "mentoring goals met"));
        assertThat(completed.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.body().path("outcome").asText()).isEqualTo("mentoring goals met");

        Response closed = owner.post("/plans/" + caseId + "/closure", Map.of("outcome", "GOALS_MET"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().path("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.body().path("closure").path("outcome").asText()).isEqualTo("GOALS_MET");
        assertThat(closed.body().path("closure").path("closedBy").asText()).isEqualTo(OWNER_ID);
        assertThat(closed.body().path("commissions").path(0).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(closed.body().path("commissions").path(0).path("commissionedBy").asText()).isEqualTo(OWNER_ID);

        ConsumerRecord<String, String> caseClosed = topics.awaitRecord(Topics.PLAN_EVENTS, caseId, "CaseClosed");
        JsonNode closedEvent = EventJson.newMapper().readTree(caseClosed.value());
        assertThat(closedEvent.path("outcome").asText()).isEqualTo("GOALS_MET");
        assertThat(closedEvent.path("closedBy").asText()).isEqualTo(OWNER_ID);
        assertThat(EventTopics.header(caseClosed, EventHeaders.DISTRICT_ID)).isEqualTo(DISTRICT);
        ConsumerRecord<String, String> serviceCommissioned = topics.awaitRecord(Topics.PLAN_EVENTS, caseId,
                "ServiceCommissioned");
        assertThat(EventJson.newMapper().readTree(serviceCommissioned.value()).path("commissionedBy").asText())
                .isEqualTo(OWNER_ID);
    }

    @Test
    void aCaseIsClosedOnlyOnce() throws Exception {
        UUID caseId = plans.openPlan();
        owner.post("/plans/" + caseId + "/closure", Map.of("outcome", "GOALS_MET", "closedBy", OWNER_ID));

        Response closedAgain = owner.post("/plans/" + caseId + "/closure", Map.of("outcome", "MOVED_AWAY"));

        assertThat(closedAgain.status()).isEqualTo(409);
        assertThat(closedAgain.contentType()).startsWith("application/problem+json");
        assertThat(closedAgain.errorFields()).containsExactly("stage");
    }

    @Test
    void commissioningOnAnUnknownCaseIsNotFound() {
        Response response = owner.post("/plans/" + UUID.randomUUID() + "/commissions", commissionBody());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void commissioningBeforeACaseOwnerIsAssignedIsRefused() throws Exception {
        UUID caseId = plans.openPlan();

        Response response = owner.post("/plans/" + caseId + "/commissions", commissionBody());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorFields()).containsExactly("owner");
        assertThat(response.errorReasons()).containsExactly("assign a case owner first");
    }

    @Test
    void aStartByThatIsNoDateIsNamed() {
        Map<String, Object> body = new HashMap<>(commissionBody());
        body.put("startBy", "not-a-date");

        Response response = owner.post("/plans/" + UUID.randomUUID() + "/commissions", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.body().toString()).containsExactly("startBy");
    }

    @Test
    void aMissingServiceTypeIsNamed() {
        Map<String, Object> body = new HashMap<>(commissionBody());
        body.remove("serviceType");

        Response response = owner.post("/plans/" + UUID.randomUUID() + "/commissions", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.body().toString()).containsExactly("serviceType");
    }

    @Test
    void anotherProvidersCommissionAndAnUnknownOneAreBothNotFound() throws Exception {
        UUID caseId = plans.openPlan();
        plans.assignOwner(caseId);
        plans.consent(caseId);
        String commissionId = plans.commissioned(caseId, PROVIDER);
        HttpJsonClient otherProvider = plans.provider(OTHER_PROVIDER);

        Response otherProviders = otherProvider.post("/commissions/" + commissionId + "/acceptance");
        Response unknown = provider.post("/commissions/" + UUID.randomUUID() + "/acceptance");

        assertThat(otherProviders.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(otherProviders.problemWithoutInstance()).isEqualTo(unknown.problemWithoutInstance());
        assertThat(otherProvider.get("/commissions/" + commissionId).status()).isEqualTo(404);
        assertThat(provider.get("/commissions/" + commissionId).body().path("status").asText())
                .isEqualTo("COMMISSIONED");
    }

    @Test
    void aRedeliveredFormulationLeavesThePlanAsItWas() throws Exception {
        UUID caseId = UUID.randomUUID();
        ProducerRecord<String, String> agreed = formulationAgreed(caseId, DISTRICT);
        topics.publish(agreed);
        plans.awaitPlan(caseId);
        plans.assignOwner(caseId);
        long version = owner.get("/plans/" + caseId).body().path("version").asLong();

        topics.awaitHandled(CONSUMER_GROUP, topics.publish(agreed));

        JsonNode plan = owner.get("/plans/" + caseId).body();
        assertThat(plan.path("version").asLong()).isEqualTo(version).isEqualTo(1);
        assertThat(plan.path("owner").path("ownerRef").asText()).isEqualTo("owner-lene");
    }

    @Test
    void aFormulationFromAnUnknownDistrictOpensNoPlan() throws Exception {
        UUID caseId = UUID.randomUUID();

        topics.awaitHandled(CONSUMER_GROUP, topics.publish(formulationAgreed(caseId, "xx-nowhere")));

        HttpJsonClient everywhere = plans.as(TestTokens.bearer(Role.CASE_OWNER, Agency.SOCIAL_SERVICES, "*"),
                "CASE_MANAGEMENT");
        assertThat(everywhere.get("/plans/" + caseId).status()).isEqualTo(404);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
