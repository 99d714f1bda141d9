package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pve.caseplatform.embedded.PlatformLauncher;
import org.pve.caseplatform.embedded.ServiceSpec;

/**
 * The whole platform as it runs on the embedded default: a real Kafka broker, the MongoDB-wire server on its file
 * backend, and the four services as separate processes, driven over HTTP the way a client would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseLifecycleIT {

    static final List<String> FULL_LIFECYCLE = List.of("ReferralReceived", "SecurityScreenCleared",
            "AssessmentOpened", "FormulationProposed", "FormulationEndorsed", "FormulationEndorsed",
            "FormulationAgreed", "PlanOpened", "CaseOwnerAssigned", "ServiceCommissioned", "ServiceAccepted",
            "ServiceDeliveryStarted", "ProgressReported", "ServiceCompleted", "CaseClosed");
    private static final List<String> SERVICES =
            List.of("referral-service", "assessment-service", "plan-service", "audit-service");

    private static PlatformLauncher platform;
    private static CaseDriver driver;
    private static String firstCase;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path repo = Path.of(System.getProperty("platform.repo.dir", "..")).toAbsolutePath().normalize();
        PlatformLauncher.Builder builder = PlatformLauncher.builder(Files.createTempDirectory("e2e-platform"))
                .freePorts()
                .healthTimeout(Duration.ofMinutes(4));
        for (String service : SERVICES) {
            builder.service(new ServiceSpec(service,
                    repo.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar"), 0));
        }
        platform = builder.build();
        platform.start();
        driver = new CaseDriver(url("referral-service"), url("assessment-service"), url("plan-service"),
                url("audit-service"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void oneCaseGoesFromReferralToClosureAndItsHistoryListsEveryEventOnceInOrder() {
        firstCase = driver.referAndClear("dk-fyn", "Mika");
        driver.agreeFormulation(firstCase);
        driver.deliverAndClose(firstCase);

        assertThat(driver.historyUntil(firstCase, "CaseClosed")).containsExactlyElementsOf(FULL_LIFECYCLE);
    }

    @Test
    @Order(2)
    void commandsThatBreakTheLifecycleAreRefusedWithProblemsAndChangeNothing() {
        PlatformClient client = driver.client();
        CaseDriver.Referred referred = driver.refer("fr-75", "Lou");
        client.expect(200, driver.clear(referred.referralId()));
        String caseId = referred.caseId();
        JsonNode referralBefore = client.await(url("audit-service") + "/cases/" + caseId + "/history",
                r -> r.status() == 200 && CaseDriver.eventTypes(r.body()).contains("AssessmentOpened"),
                Duration.ofSeconds(60));

        PlatformClient.Reply commissionWithoutPlan = client.post(url("plan-service") + "/plans/" + caseId
                + "/commissions", Map.of("providerId", "ngo-x", "serviceType", "MENTORING",
                "needAddressed", "mentoring", "startBy", "2030-01-01", "commissionedBy", "owner-x",
                "briefing", "invented"));
        PlatformClient.Reply unknownCase = client.post(url("assessment-service") + "/assessments/"
                + UUID.randomUUID() + "/formulations", Map.of("needs", List.of("mentoring"),
                "interventionLevel", "TARGETED", "leadAgency", "PREFECTURE", "proposedBy", "panel-x",
                "summary", "invented"));
        PlatformClient.Reply badField = client.post(url("referral-service") + "/referrals", Map.of(
                "channel", "AGENCY", "referrerAgency", "EDUCATION", "districtId", "fr-75",
                "ageBand", "16_17", "concernCategories", List.of("NOT_A_CATEGORY"), "concernSummary", "x"));

        assertProblem(driver.clear(referred.referralId()), 409, "decision");
        assertProblem(commissionWithoutPlan, 404, "id");
        assertProblem(unknownCase, 404, "id");
        assertProblem(badField, 400, "concernCategories[0]");
        JsonNode referralAfter = client.expect(200, client.get(url("audit-service") + "/cases/" + caseId
                + "/history"));
        assertThat(CaseDriver.eventTypes(referralAfter)).isEqualTo(CaseDriver.eventTypes(referralBefore));
    }

    @Test
    @Order(3)
    void consumersStoppedMidStreamAndRestartedHaveNoDoubleEffectAndSkipNothing() {
        List<String> cases = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            String caseId = driver.referAndClear("uk-luton", "Robin" + i);
            driver.agreeFormulation(caseId);
            cases.add(caseId);
        }
        platform.service("plan-service").kill();
        platform.service("audit-service").kill();
        for (int i = 4; i < 8; i++) {
            String caseId = driver.referAndClear("uk-luton", "Robin" + i);
            driver.agreeFormulation(caseId);
            cases.add(caseId);
        }
        platform.startService("plan-service");
        platform.startService("audit-service");

        for (String caseId : cases) {
            List<String> history = driver.historyUntil(caseId, "PlanOpened");
            assertThat(history).as("case %s", caseId).containsOnlyOnce("PlanOpened", "FormulationAgreed",
                    "AssessmentOpened", "ReferralReceived");
            JsonNode plan = driver.client().expect(200, driver.client().get(url("plan-service") + "/plans/" + caseId));
            assertThat(plan.get("version").asLong()).as("only PlanOpened, once").isZero();
        }
    }

    @Test
    @Order(4)
    void everyServiceDescribesItsApiAndExposesAxonMetrics() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String service : SERVICES) {
            JsonNode apiDocs = driver.client().expect(200, driver.client().get(url(service) + "/v3/api-docs"));
            assertThat(apiDocs.get("paths").size()).as(service + " paths").isPositive();
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(url(service) + "/actuator/prometheus")).build(),
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
        platform.close();
        platform.start();

        assertThat(driver.historyUntil(firstCase, "CaseClosed")).containsExactlyElementsOf(FULL_LIFECYCLE);
        String next = driver.referAndClear("de-by-muenchen", "Kai");
        driver.agreeFormulation(next);
        driver.deliverAndClose(next);
        assertThat(driver.historyUntil(next, "CaseClosed")).hasSize(FULL_LIFECYCLE.size() - 1);
    }

    private static void assertProblem(PlatformClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("errors").findValuesAsText("field")).contains(field);
    }

    private static String url(String service) {
        return "http://127.0.0.1:" + platform.service(service).port();
    }
}
