package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.Await;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The assessment deadline survives restarts and fires once: assessment-service opens a uk-luton assessment (due 21
 * days after clearance), is stopped, and is started again on the same database on a clock past that dueAt; then
 * once more after losing the fired flag, as if it had crashed between the command and the flag.
 */
class AssessmentDeadlineRestartIT {

    private static final String EVENTS = "org.pve.caseplatform.contract.assessment.";
    private static final String LUTON = "uk-luton";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Instant CLEARED_AT = Instant.parse("2031-05-04T08:30:00Z");
    private static final Clock PAST_THE_DEADLINE = Clock.fixed(Instant.parse("2031-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static final Map<String, String> settings = new LinkedHashMap<>();
    private static MongoClient mongo;
    private static MongoDatabase database;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void oneDatabaseForEveryRun() {
        TestInfrastructure.register((name, value) -> settings.put(name, String.valueOf(value.get())),
                "assessment-deadlines");
        settings.put("platform.assessment.deadline-poll-interval", POLL.toMillis() + "ms");
        mongo = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = mongo.getDatabase(settings.get("spring.data.mongodb.database"));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void close() {
        producer.close();
        mongo.close();
    }

    @Test
    void aDeadlineDueWhileTheServiceWasDownFiresOnceAfterARestart() throws Exception {
        UUID caseId = UUID.randomUUID();
        try (ConfigurableApplicationContext today = start(Clock.systemUTC())) {
            SecurityScreenCleared cleared = new SecurityScreenCleared(caseId, LUTON, CLEARED_AT, UUID.randomUUID(),
                    "sub-it-deadline-" + caseId, "screener-invented", "no security concern (invented)");
            producer.send(CatalogueRecords.of(cleared, UUID.randomUUID().toString(),
                    cleared.referralId().toString(), null)).get();
            await(() -> events(caseId, "AssessmentOpened") == 1 && deadline(caseId) != null);
            Await.pause(POLL.multipliedBy(5));
            assertThat(events(caseId, "AssessmentOverdue")).isZero();
            assertThat(view(today, caseId).path("overdue").asBoolean()).isFalse();
        }

        try (ConfigurableApplicationContext later = start(PAST_THE_DEADLINE)) {
            await(() -> fired(caseId));
            Await.pause(POLL.multipliedBy(5));
            assertThat(events(caseId, "AssessmentOverdue")).isEqualTo(1);
            JsonNode view = view(later, caseId);
            assertThat(view.path("overdue").asBoolean()).isTrue();
            assertThat(view.path("stage").asText()).isEqualTo("OPEN");
        }

        loseTheFiredFlag(caseId);
        try (ConfigurableApplicationContext afterACrash = start(PAST_THE_DEADLINE)) {
            await(() -> fired(caseId));
            Await.pause(POLL.multipliedBy(5));
            assertThat(events(caseId, "AssessmentOverdue")).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Clock clock) {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AssessmentServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(args);
    }

    private static JsonNode view(ConfigurableApplicationContext context, UUID caseId) throws Exception {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assessments/" + caseId))
                .header("Authorization", TestTokens.bearer(Role.PANEL_MEMBER, Agency.SOCIAL_SERVICES, LUTON))
                .header(AccessPolicy.PURPOSE_HEADER, "ASSESSMENT")
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static long events(UUID caseId, String type) {
        return database.getCollection("domainevents").countDocuments(Filters.and(
                Filters.eq("aggregateIdentifier", caseId.toString()), Filters.eq("payloadType", EVENTS + type)));
    }

    private static Document deadline(UUID caseId) {
        return database.getCollection("assessment-deadlines").find(Filters.eq("caseId", caseId.toString())).first();
    }

    private static boolean fired(UUID caseId) {
        Document deadline = deadline(caseId);
        return deadline != null && deadline.getBoolean("fired");
    }

    /** As if the instance crashed after the assessment recorded the overdue but before the flag was written. */
    private static void loseTheFiredFlag(UUID caseId) {
        database.getCollection("assessment-deadlines").updateOne(Filters.eq("caseId", caseId.toString()),
                Updates.set("fired", false));
        assertThat(fired(caseId)).isFalse();
    }

    private static void await(BooleanSupplier condition) {
        Await.until(condition, Duration.ofSeconds(60));
    }
}
