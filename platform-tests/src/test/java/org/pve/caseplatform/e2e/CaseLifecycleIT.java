package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole platform as it runs on the embedded default: a real Kafka broker, the MongoDB-wire server on its file
 * backend, the identity issuer and the four services as separate processes, driven over HTTP the way a client would,
 * every request carrying an access token of the persona whose job it is.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseLifecycleIT {

    static final List<String> FULL_LIFECYCLE = List.of("ReferralReceived", "SecurityScreenCleared",
            "AssessmentOpened", "FormulationProposed", "FormulationEndorsed", "FormulationEndorsed",
            "FormulationAgreed", "PlanOpened", "CaseOwnerAssigned", "ConsentRecorded", "ServiceCommissioned",
            "ServiceAccepted", "ServiceDeliveryStarted", "ProgressReported", "ServiceCompleted", "CaseClosed");

    private static SecuredPlatform platform;
    private static CaseDriver driver;
    private static String firstCase;

    @BeforeAll
    static void useTheSharedPlatform() {
        platform = SharedPlatform.get();
        driver = new CaseDriver(platform);
    }

    @Test
    @Order(1)
    void oneCaseGoesFromReferralToClosureAndItsHistoryListsEveryEventOnceInOrder() {
        firstCase = driver.referAndClear("dk-fyn", "Mika");
        driver.agreeFormulation(firstCase, "dk-fyn");
        driver.deliverAndClose(firstCase, "dk-fyn");

        assertThat(driver.historyUntil(firstCase, "CaseClosed")).containsExactlyElementsOf(FULL_LIFECYCLE);
        assertThat(CaseDriver.allEventTypes(driver.history(firstCase)))
                .as("the history also lists the reads of the case's detail (the assessment, the plan)")
                .filteredOn(CaseDriver.ACCESS_RECORD::equals).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void commandsThatBreakTheLifecycleAreRefusedWithProblemsAndChangeNothing() {
        PlatformClient client = driver.client();
        IssuerTokens tokens = platform.tokens();
        CaseDriver.Referred referred = driver.refer("fr-75", "Lou");
        client.expect(200, driver.clear(referred.referralId()));
        String caseId = referred.caseId();
        String history = platform.audit() + "/cases/" + caseId + "/history";
        JsonNode referralBefore = client.await(history,
                r -> r.status() == 200 && CaseDriver.eventTypes(r.body()).contains("AssessmentOpened"),
                Duration.ofSeconds(60), tokens.as(CaseDriver.AUDITOR, "AUDIT"));

        PlatformClient.Reply commissionWithoutPlan = client.post(platform.plan() + "/plans/" + caseId
                + "/commissions", Map.of("providerId", "ngo-x", "serviceType", "MENTORING",
                "needAddressed", "mentoring", "startBy", "2030-01-01", "briefing", "invented"),
                tokens.auth("e2e.owner-social"));
        PlatformClient.Reply unknownCase = client.post(platform.assessment() + "/assessments/"
                + UUID.randomUUID() + "/formulations", Map.of("needs", List.of("mentoring"),
                "interventionLevel", "TARGETED", "leadAgency", "PREFECTURE", "summary", "invented"),
                tokens.auth(CaseDriver.PROPOSER));
        PlatformClient.Reply badField = client.post(platform.referral() + "/referrals", Map.of(
                "channel", "AGENCY", "referrerAgency", "EDUCATION", "districtId", "fr-75",
                "ageBand", "16_17", "concernCategories", List.of("NOT_A_CATEGORY"), "concernSummary", "x"),
                tokens.auth(CaseDriver.REFERRER));

        assertProblem(driver.clear(referred.referralId()), 409, "decision");
        assertProblem(commissionWithoutPlan, 404, "id");
        assertProblem(unknownCase, 404, "id");
        assertProblem(badField, 400, "concernCategories[0]");
        JsonNode referralAfter = client.expect(200, client.get(history, tokens.as(CaseDriver.AUDITOR, "AUDIT")));
        assertThat(CaseDriver.eventTypes(referralAfter)).isEqualTo(CaseDriver.eventTypes(referralBefore));
    }

    @Test
    @Order(3)
    void consumersStoppedMidStreamAndRestartedHaveNoDoubleEffectAndSkipNothing() {
        List<String> cases = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            String caseId = driver.referAndClear("uk-luton", "Robin" + i);
            driver.agreeFormulation(caseId, "uk-luton");
            cases.add(caseId);
        }
        platform.launcher().service("plan-service").kill();
        platform.launcher().service("audit-service").kill();
        for (int i = 4; i < 8; i++) {
            String caseId = driver.referAndClear("uk-luton", "Robin" + i);
            driver.agreeFormulation(caseId, "uk-luton");
            cases.add(caseId);
        }
        platform.launcher().startService("plan-service");
        platform.launcher().startService("audit-service");

        for (String caseId : cases) {
            List<String> history = driver.historyUntil(caseId, "PlanOpened");
            assertThat(history).as("case %s", caseId).containsOnlyOnce("PlanOpened", "FormulationAgreed",
                    "AssessmentOpened", "ReferralReceived");
            JsonNode plan = driver.client().expect(200, driver.client().get(platform.plan() + "/plans/" + caseId,
                    platform.tokens().as("e2e.owner-social", "CASE_MANAGEMENT")));
            assertThat(plan.get("version").asLong()).as("only PlanOpened, once").isZero();
        }
    }

    @Test
    @Order(4)
    void everyServiceDescribesItsApiAndExposesAxonMetrics() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String service : SecuredPlatform.SERVICES) {
            JsonNode apiDocs = driver.client().expect(200, driver.client().get(platform.url(service) + "/v3/api-docs"));
            assertThat(apiDocs.get("paths").size()).as(service + " paths").isPositive();
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(platform.url(service) + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).as(service).contains("jvm_memory_used_bytes");
            if (!service.equals("audit-service")) {
                assertThat(metrics).as(service + " Axon command metrics").contains("commandBus");
            }
        }
    }

    @Test
    @Order(5)
    void afterARestartEarlierHistoriesRemainAndANewCaseRunsThrough() {
        platform.launcher().close();
        platform.launcher().start();

        assertThat(driver.historyUntil(firstCase, "CaseClosed")).containsExactlyElementsOf(FULL_LIFECYCLE);
        String next = driver.referAndClear("de-by-muenchen", "Kai");
        driver.agreeFormulation(next, "de-by-muenchen");
        driver.deliverAndClose(next, "de-by-muenchen");
        assertThat(driver.historyUntil(next, "CaseClosed")).hasSize(FULL_LIFECYCLE.size() - 1);
    }

    private static void assertProblem(PlatformClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("errors").findValuesAsText("field")).contains(field);
    }
}
