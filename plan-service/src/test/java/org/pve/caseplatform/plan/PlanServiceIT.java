package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.EventTopics.formulationAgreed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.HttpJsonClient.Response;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plan service as its clients meet it: a real Kafka broker delivers an agreed formulation, the plan is driven
 * over HTTP from owner to closure, and its events come out on the plan topic. The context is closed after the class,
 * while the shared MongoDB-wire server is still up (at JVM exit their shutdown hooks would race).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PlanServiceIT {

    private static final String DISTRICT = "dk-fyn";
    private static final String CONSUMER_GROUP = "plan-service.assessment-events";
    private static final String PROVIDER = "ngo-bridge";
    private static final String BRIEFING = "weekly sessions at the youth club";

    private static EventTopics topics;

    @LocalServerPort
    private int port;
    private HttpJsonClient http;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan");
    }

    @BeforeAll
    static void connect() {
        topics = new EventTopics(TestInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @BeforeEach
    void client() {
        http = new HttpJsonClient(port);
    }

    @Test
    void aPlanOpensFromAnAgreedFormulationAndIsDeliveredToClosure() throws Exception {
        UUID caseId = UUID.randomUUID();
        topics.publish(formulationAgreed(caseId, DISTRICT));

        JsonNode plan = awaitPlan(caseId);
        assertThat(plan.path("districtId").asText()).isEqualTo(DISTRICT);
        assertThat(plan.path("subjectRef").asText()).isEqualTo(EventTopics.subjectRefOf(caseId));
        assertThat(texts(plan.path("needs"))).containsExactly("mentoring", "education");
        assertThat(plan.path("interventionLevel").asText()).isEqualTo("TARGETED");
        assertThat(plan.path("reviewCadenceDays").asInt()).isEqualTo(30);
        assertThat(plan.path("stage").asText()).isEqualTo("OPEN");
        assertThat(plan.path("version").asLong()).isZero();

        Response owned = assignOwner(caseId);
        assertThat(owned.status()).isEqualTo(200);
        assertThat(owned.body().path("owner").path("ownerRef").asText()).isEqualTo("owner-lene");
        assertThat(owned.body().path("owner").path("agency").asText()).isEqualTo("SOCIAL_SERVICES");

        Response commissioned = http.post("/plans/" + caseId + "/commissions", commissionBody());
        assertThat(commissioned.status()).isEqualTo(201);
        String commissionId = commissioned.body().path("commissionId").asText();
        assertThat(commissioned.body().path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(commissioned.location()).isEqualTo("/commissions/" + commissionId);

        Response accepted = http.post("/commissions/" + commissionId + "/acceptance", Map.of("providerId", PROVIDER));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().path("briefing").asText()).isEqualTo(BRIEFING);
        assertThat(accepted.body().has("needs") || accepted.body().has("owner") || accepted.body().has("subjectRef")
                || accepted.body().has("caseId")).as("the provider sees its commission only").isFalse();

        Response started = http.post("/commissions/" + commissionId + "/start", Map.of("providerId", PROVIDER));
        assertThat(started.body().path("status").asText()).isEqualTo("IN_DELIVERY");
        Response progress = http.post("/commissions/" + commissionId + "/progress", Map.of("providerId", PROVIDER,
                "engagement", "ENGAGED", "concernRaised", false, "summary", "attended all four sessions"));
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body().path("progress").path(0).path("summary").asText())
                .isEqualTo("attended all four sessions");
        assertThat(progress.body().path("progress").path(0).path("engagement").asText()).isEqualTo("ENGAGED");
        Response completed = http.post("/commissions/" + commissionId + "/completion",
                Map.of("providerId", PROVIDER, "outcome", "mentoring goals met"));
        assertThat(completed.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.body().path("outcome").asText()).isEqualTo("mentoring goals met");

        Response closed = http.post("/plans/" + caseId + "/closure",
                Map.of("outcome", "GOALS_MET", "closedBy", "owner-lene"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().path("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.body().path("closure").path("outcome").asText()).isEqualTo("GOALS_MET");
        assertThat(closed.body().path("commissions").path(0).path("status").asText()).isEqualTo("COMPLETED");

        ConsumerRecord<String, String> caseClosed = topics.awaitRecord(Topics.PLAN_EVENTS, caseId, "CaseClosed");
        assertThat(EventJson.newMapper().readTree(caseClosed.value()).path("outcome").asText()).isEqualTo("GOALS_MET");
        assertThat(EventTopics.header(caseClosed, EventHeaders.DISTRICT_ID)).isEqualTo(DISTRICT);
    }

    @Test
    void aCaseIsClosedOnlyOnce() throws Exception {
        UUID caseId = openPlan();
        http.post("/plans/" + caseId + "/closure", Map.of("outcome", "GOALS_MET", "closedBy", "owner-lene"));

        Response closedAgain = http.post("/plans/" + caseId + "/closure",
                Map.of("outcome", "MOVED_AWAY", "closedBy", "owner-lene"));

        assertThat(closedAgain.status()).isEqualTo(409);
        assertThat(closedAgain.contentType()).startsWith("application/problem+json");
        assertThat(closedAgain.errorFields()).containsExactly("stage");
    }

    @Test
    void commissioningOnAnUnknownCaseIsNotFound() {
        Response response = http.post("/plans/" + UUID.randomUUID() + "/commissions", commissionBody());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void commissioningBeforeACaseOwnerIsAssignedIsRefused() throws Exception {
        UUID caseId = openPlan();

        Response response = http.post("/plans/" + caseId + "/commissions", commissionBody());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorFields()).containsExactly("owner");
        assertThat(response.errorReasons()).containsExactly("assign a case owner first");
    }

    @Test
    void aStartByThatIsNoDateIsNamed() {
        Map<String, Object> body = new HashMap<>(commissionBody());
        body.put("startBy", "not-a-date");

        Response response = http.post("/plans/" + UUID.randomUUID() + "/commissions", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.body().toString()).containsExactly("startBy");
    }

    @Test
    void aMissingServiceTypeIsNamed() {
        Map<String, Object> body = new HashMap<>(commissionBody());
        body.remove("serviceType");

        Response response = http.post("/plans/" + UUID.randomUUID() + "/commissions", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.body().toString()).containsExactly("serviceType");
    }

    @Test
    void anotherProvidersCommissionAndAnUnknownOneAreBothNotFound() throws Exception {
        UUID caseId = openPlan();
        assignOwner(caseId);
        String commissionId = http.post("/plans/" + caseId + "/commissions", commissionBody())
                .body().path("commissionId").asText();

        Response otherProvider = http.post("/commissions/" + commissionId + "/acceptance",
                Map.of("providerId", "ngo-elsewhere"));
        Response unknown = http.post("/commissions/" + UUID.randomUUID() + "/acceptance",
                Map.of("providerId", PROVIDER));

        assertThat(otherProvider.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.get("/commissions/" + commissionId + "?providerId=ngo-elsewhere").status()).isEqualTo(404);
        assertThat(http.get("/commissions/" + commissionId + "?providerId=" + PROVIDER).body().path("status")
                .asText()).isEqualTo("COMMISSIONED");
    }

    @Test
    void aRedeliveredFormulationLeavesThePlanAsItWas() throws Exception {
        UUID caseId = UUID.randomUUID();
        ProducerRecord<String, String> agreed = formulationAgreed(caseId, DISTRICT);
        topics.publish(agreed);
        awaitPlan(caseId);
        assignOwner(caseId);
        long version = http.get("/plans/" + caseId).body().path("version").asLong();

        topics.awaitHandled(CONSUMER_GROUP, topics.publish(agreed));

        JsonNode plan = http.get("/plans/" + caseId).body();
        assertThat(plan.path("version").asLong()).isEqualTo(version).isEqualTo(1);
        assertThat(plan.path("owner").path("ownerRef").asText()).isEqualTo("owner-lene");
    }

    @Test
    void aFormulationFromAnUnknownDistrictOpensNoPlan() throws Exception {
        UUID caseId = UUID.randomUUID();

        topics.awaitHandled(CONSUMER_GROUP, topics.publish(formulationAgreed(caseId, "xx-nowhere")));

        assertThat(http.get("/plans/" + caseId).status()).isEqualTo(404);
    }

    private UUID openPlan() throws Exception {
        UUID caseId = UUID.randomUUID();
        topics.publish(formulationAgreed(caseId, DISTRICT));
        awaitPlan(caseId);
        return caseId;
    }

    private JsonNode awaitPlan(UUID caseId) {
        Waiting.until("the plan of " + caseId, () -> http.get("/plans/" + caseId).status() == 200);
        return http.get("/plans/" + caseId).body();
    }

    private Response assignOwner(UUID caseId) {
        return http.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "owner-lene", "agency", "SOCIAL_SERVICES"));
    }

    private static Map<String, Object> commissionBody() {
        return Map.of("providerId", PROVIDER, "serviceType", "MENTORING", "needAddressed", "mentoring",
                "startBy", "2031-03-01", "commissionedBy", "owner-lene", "briefing", BRIEFING);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
