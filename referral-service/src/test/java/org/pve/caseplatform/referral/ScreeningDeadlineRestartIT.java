package org.pve.caseplatform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.referral.web.ReferralClient.POLICE_SCREENER;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.web.ReferralClient;
import org.pve.caseplatform.support.testing.Await;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The screening deadline survives restarts and fires once: referral-service is started, stopped and started again
 * on the same database, the later runs on a clock four days ahead (uk-luton screens within three days).
 */
class ScreeningDeadlineRestartIT {

    private static final String OVERDUE = "org.pve.caseplatform.contract.referral.ScreeningOverdue";
    private static final Duration POLL = Duration.ofMillis(200);

    private static final Map<String, String> settings = new LinkedHashMap<>();
    private static MongoClient mongo;
    private static MongoDatabase database;

    @BeforeAll
    static void oneDatabaseForEveryRun() {
        TestInfrastructure.register((name, value) -> settings.put(name, String.valueOf(value.get())),
                "referral-deadlines");
        settings.put("platform.deadlines.poll-interval", POLL.toMillis() + "ms");
        settings.put("referral.case-index.group", "referral-deadlines-" + UUID.randomUUID());
        mongo = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = mongo.getDatabase(settings.get("spring.data.mongodb.database"));
    }

    @AfterAll
    static void closeClient() {
        mongo.close();
    }

    @Test
    void aScreeningDeadlineFiresOnceAfterARestartAndNeverAgain() {
        String waiting;
        String screenedInTime;
        String withinItsWeek;
        String caseId;
        try (ConfigurableApplicationContext today = start(Clock.systemUTC())) {
            ReferralClient client = client(today);
            waiting = client.refer(referral("uk-luton"));
            screenedInTime = client.refer(referral("uk-luton"));
            withinItsWeek = client.refer(referral("dk-fyn"));
            client.screen(screenedInTime, ReferralClient.clear(), POLICE_SCREENER);
            caseId = client.get("/referrals/" + waiting, POLICE_SCREENER).body().get("caseId").asText();
            Await.pause(POLL.multipliedBy(5));
            assertThat(overdueEvents(waiting)).isZero();
        }

        Clock fourDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(4));
        try (ConfigurableApplicationContext later = start(fourDaysOn)) {
            await(() -> fired(waiting) && fired(screenedInTime));
            Await.pause(POLL.multipliedBy(5));
            assertThat(overdueEvents(waiting)).isEqualTo(1);
            assertThat(overdueEvents(screenedInTime)).isZero();
            assertThat(overdueEvents(withinItsWeek)).isZero();
            assertThat(client(later).get("/referrals/" + waiting, POLICE_SCREENER).body()
                    .get("screeningOverdue").asBoolean()).isTrue();
        }

        loseTheFiredFlag(waiting);
        try (ConfigurableApplicationContext afterACrash = start(fourDaysOn)) {
            await(() -> fired(waiting));
            Await.pause(POLL.multipliedBy(5));
            assertThat(overdueEvents(waiting)).isEqualTo(1);
        }

        assertThat(publishedEventTypes(caseId)).containsExactly("ReferralReceived", "ScreeningOverdue");
    }

    private static ConfigurableApplicationContext start(Clock clock) {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ReferralServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(args);
    }

    private static ReferralClient client(ConfigurableApplicationContext context) {
        return new ReferralClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static Map<String, Object> referral(String district) {
        String distinct = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        return Map.of(
                "channel", "AGENCY",
                "referrerAgency", "EDUCATION",
                "districtId", district,
                "subject", Map.of("givenNames", "Ilse", "familyName", "Vandermeer-Invented-" + distinct,
                        "dateOfBirth", "2009-02-17"),
                "ageBand", "12_15",
                "concernCategories", List.of("FAR_RIGHT"),
                "concernSummary", "Invented concern: draws symbols in exercise books");
    }

    private static long overdueEvents(String referralId) {
        return database.getCollection("domainevents").countDocuments(
                Filters.and(Filters.eq("aggregateIdentifier", referralId), Filters.eq("payloadType", OVERDUE)));
    }

    private static boolean fired(String referralId) {
        Document deadline = deadline(referralId);
        return deadline != null && deadline.getBoolean("fired");
    }

    private static Document deadline(String referralId) {
        return database.getCollection("deadlines").find(Filters.eq("_id", "screening-overdue:" + referralId))
                .first();
    }

    /** As if the instance crashed after the referral recorded the overdue but before the flag was written. */
    private static void loseTheFiredFlag(String referralId) {
        database.getCollection("deadlines").updateOne(Filters.eq("_id", "screening-overdue:" + referralId),
                Updates.set("fired", false));
        assertThat(fired(referralId)).isFalse();
    }

    private static List<String> publishedEventTypes(String caseId) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(
                TestInfrastructure.kafka().bootstrapServers(), Topics.REFERRAL_EVENTS,
                record -> caseId.equals(record.key()), found -> found.size() > 2, Duration.ofSeconds(5));
        List<String> types = new ArrayList<>();
        records.forEach(record -> types.add(TopicReader.header(record, EventHeaders.EVENT_TYPE)));
        return types;
    }

    private static void await(BooleanSupplier condition) {
        Await.until(condition, Duration.ofSeconds(30));
    }
}
