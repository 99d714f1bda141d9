package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.EventTopics.formulationAgreed;
import static org.pve.caseplatform.plan.PlanFixture.DISTRICT;
import static org.pve.caseplatform.plan.PlanFixture.PROVIDER;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.Await;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The plan's deadlines survive restarts and fire once: plan-service is started, stopped and started again on the
 * same database, the later runs on a clock fifteen days ahead (dk-fyn hands a plan over within 14 days; the
 * commission was to start by tomorrow; the first review is due after 30 days).
 */
class PlanDeadlineRestartIT {

    private static final String EVENTS = "org.pve.caseplatform.contract.plan.";
    private static final Duration POLL = Duration.ofMillis(200);

    private static final Map<String, String> settings = new LinkedHashMap<>();
    private static EventTopics topics;
    private static MongoClient mongo;
    private static MongoDatabase database;

    @BeforeAll
    static void oneDatabaseForEveryRun() {
        TestInfrastructure.register((name, value) -> settings.put(name, String.valueOf(value.get())),
                "plan-deadlines");
        settings.put("platform.deadlines.poll-interval", POLL.toMillis() + "ms");
        mongo = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = mongo.getDatabase(settings.get("spring.data.mongodb.database"));
        topics = new EventTopics(TestInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void deadlinesDueWhileTheServiceWasDownFireOnceAfterARestart() throws Exception {
        UUID unowned;
        UUID owned;
        String commissionId;
        try (ConfigurableApplicationContext today = start(Clock.systemUTC())) {
            PlanFixture plans = fixture(today);
            unowned = opened(plans);
            owned = opened(plans);
            plans.assignOwner(owned);
            plans.consent(owned);
            Map<String, Object> startingTomorrow = new HashMap<>(PlanFixture.commissionBody(PROVIDER));
            startingTomorrow.put("startBy", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
            commissionId = plans.owner().post("/plans/" + owned + "/commissions", startingTomorrow).body()
                    .path("commissionId").asText();
            Await.pause(POLL.multipliedBy(5));
            assertThat(events(unowned, "HandoverOverdue")).isZero();
        }

        Clock fifteenDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(15));
        try (ConfigurableApplicationContext later = start(fifteenDaysOn)) {
            await(() -> fired("handover:" + unowned) && fired("handover:" + owned)
                    && fired("stalled:" + commissionId));
            Await.pause(POLL.multipliedBy(5));
            assertThat(events(unowned, "HandoverOverdue")).isEqualTo(1);
            assertThat(events(owned, "HandoverOverdue")).isZero();
            assertThat(events(owned, "CommissionStalled")).isEqualTo(1);
            assertThat(events(unowned, "ReviewOverdue")).as("the first review is not yet due").isZero();
            PlanFixture plans = fixture(later);
            assertThat(plans.owner().get("/plans/" + owned).body().path("attention").path("stalledCommissions")
                    .path(0).asText()).isEqualTo(commissionId);
        }

        loseTheFiredFlag("handover:" + unowned);
        try (ConfigurableApplicationContext afterACrash = start(fifteenDaysOn)) {
            await(() -> fired("handover:" + unowned));
            Await.pause(POLL.multipliedBy(5));
            assertThat(events(unowned, "HandoverOverdue")).isEqualTo(1);
        }
    }

    private static UUID opened(PlanFixture plans) throws Exception {
        UUID caseId = UUID.randomUUID();
        topics.publish(formulationAgreed(caseId, DISTRICT));
        plans.awaitPlan(caseId);
        return caseId;
    }

    private static ConfigurableApplicationContext start(Clock clock) {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PlanServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(args);
    }

    private static PlanFixture fixture(ConfigurableApplicationContext context) {
        return new PlanFixture(topics, new HttpJsonClient(Integer.parseInt(
                context.getEnvironment().getProperty("local.server.port"))));
    }

    private static long events(UUID caseId, String type) {
        return database.getCollection("domainevents").countDocuments(Filters.and(
                Filters.eq("aggregateIdentifier", caseId.toString()), Filters.eq("payloadType", EVENTS + type)));
    }

    private static boolean fired(String deadlineId) {
        Document deadline = database.getCollection("plan_deadlines").find(Filters.eq("_id", deadlineId)).first();
        return deadline != null && deadline.getBoolean("fired");
    }

    /** As if the instance crashed after the plan recorded the overdue but before the flag was written. */
    private static void loseTheFiredFlag(String deadlineId) {
        database.getCollection("plan_deadlines").updateOne(Filters.eq("_id", deadlineId),
                Updates.set("fired", false));
        assertThat(fired(deadlineId)).isFalse();
    }

    private static void await(BooleanSupplier condition) {
        Await.until(condition, Duration.ofSeconds(30));
    }
}
