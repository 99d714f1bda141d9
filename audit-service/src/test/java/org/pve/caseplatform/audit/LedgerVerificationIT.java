package org.pve.caseplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger fed through a real Kafka broker verifies at {@code GET /ledger/verification}; once its tail is cut in
 * MongoDB and the chain head moved back to hide it, the topic's offsets still give it away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closes the service while the shared broker and MongoDB still run, not in a racing shutdown hook
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerVerificationIT {

    private static final String LEDGER_GROUP = "audit-service.ledger";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Producer<String, String> producer;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Value("${spring.data.mongodb.database}")
    private String database;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private PersonalDataVault vault;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "audit-ledger");
        registry.add("platform.audit.anchor-every", () -> "2");
    }

    /** A fresh database needs the group to start from the topics' beginning, as a new ledger would. */
    @BeforeAll
    static void startTheLedgerGroupFromTheBeginning() throws Exception {
        producer = new KafkaProducer<>(new KafkaSettings(TestInfrastructure.kafka().bootstrapServers(), null, null,
                "audit-ledger-it").producerProperties());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                try {
                    admin.deleteConsumerGroups(List.of(LEDGER_GROUP)).all().get();
                    return;
                } catch (ExecutionException e) {
                    String name = e.getCause().getClass().getSimpleName();
                    if (name.contains("GroupIdNotFound") || System.nanoTime() > deadline) {
                        return;
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    @Order(0)
    void theLedgerNeverParksACaseWhileTheOtherConsumersDo() {
        // a parked record would leave a gap in the ledger's chain of its partition (ADR 0011)
        assertThat(meters.find(PlatformMetrics.PARKED_SEQUENCES).tag("consumer", "audit-ledger").gauge()).isNull();
        assertThat(meters.find(PlatformMetrics.PARKED_SEQUENCES).tag("consumer", "audit-cohorts").gauge())
                .isNotNull();
    }

    @Test
    @Order(1)
    void erasingAPersonsKeyLeavesTheLedgerVerifiedAndTheHistoryShowsTheFieldErased() throws Exception {
        UUID caseId = UUID.randomUUID();
        String subjectRef = "sub-erase-" + caseId.toString().substring(0, 8);
        ReferralReceived received = new ReferralReceived(caseId, "dk-invented", Instant.parse("2031-03-04T09:00:00Z"),
                UUID.randomUUID(), "0999", Channel.AGENCY, Agency.EDUCATION, null, subjectRef,
                vault.encrypt(subjectRef, "Invented Person 2001-01-01"), AgeBand.AGE_18_24,
                List.of(ConcernCategory.MIXED_OR_UNCLEAR), vault.encrypt(subjectRef, "an invented concern"));
        RecordMetadata sent = producer.send(CatalogueRecords.of(received, "msg-erase-" + caseId, "corr")).get();
        awaitLedgerPast(sent);
        assertThat(verification().get("verified").asBoolean()).isTrue();
        assertThat(referral(history(caseId)).at("/data/subjectIdentity/ciphertext").isTextual()).isTrue();

        vault.destroy(subjectRef);

        JsonNode afterErasure = verification();
        assertThat(afterErasure.get("verified").asBoolean()).as(afterErasure.toPrettyString()).isTrue();
        JsonNode data = referral(history(caseId)).get("data");
        assertThat(data.get("subjectIdentity")).isEqualTo(JSON.readTree("{\"erased\":true}"));
        assertThat(data.get("concernSummary")).isEqualTo(JSON.readTree("{\"erased\":true}"));
        assertThat(data.get("subjectRef").asText()).isEqualTo(subjectRef);
        assertThat(data.toString()).doesNotContain("Invented Person");
    }

    @Test
    @Order(2)
    void theLedgerVerifiesUntilItsTailIsCutAndTheCutHidden() throws Exception {
        String caseId = UUID.randomUUID().toString();
        RecordMetadata last = null;
        for (int i = 0; i < 5; i++) {
            last = publish(caseId, "msg-" + i + "-" + caseId, i);
        }
        RecordMetadata again = publish(caseId, "msg-4-" + caseId, 4); // the relay re-publishing one
        awaitLedgerPast(again);

        JsonNode intact = verification();
        assertThat(intact.get("verified").asBoolean()).as(intact.toPrettyString()).isTrue();
        String chain = Topics.REFERRAL_EVENTS + "/" + again.partition();
        JsonNode ours = chainOf(intact, chain);
        assertThat(ours.get("head").asLong()).isEqualTo(again.offset());
        assertThat(ours.get("lastAnchor").isNull()).isFalse();

        try (MongoClient client = MongoClients.create(TestInfrastructure.mongo().connectionString())) {
            MongoCollection<Document> entries = client.getDatabase(database).getCollection("ledger");
            MongoCollection<Document> links = client.getDatabase(database).getCollection("ledger_links");
            links.deleteOne(Filters.eq("_id", chain + "@" + again.offset()));
            entries.deleteOne(Filters.eq("_id", "msg-4-" + caseId));
            Document kept = entries.find(Filters.eq("chain", chain)).sort(Sorts.descending("position")).first();
            client.getDatabase(database).getCollection("ledger_heads").updateOne(Filters.eq("_id", chain),
                    Updates.combine(Updates.set("position", kept.getLong("position")),
                            Updates.set("hash", kept.getString("hash"))));
            client.getDatabase(database).getCollection("ledger_anchors").deleteMany(Filters.and(
                    Filters.eq("chain", chain), Filters.gt("position", kept.getLong("position"))));
        }

        JsonNode cut = verification();
        assertThat(cut.get("verified").asBoolean()).isFalse();
        JsonNode problem = chainOf(cut, chain).get("problems").get(0);
        assertThat(problem.get("kind").asText()).isEqualTo("TAIL_CUT");
        assertThat(problem.get("position").asLong()).isEqualTo(last.offset());
    }

    private JsonNode verification() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/ledger/verification"))
                .header("Authorization", TestTokens.bearer(Role.AUDITOR, Agency.SOCIAL_SERVICES, "*")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode history(UUID caseId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/cases/" + caseId + "/history"))
                .header("Authorization", TestTokens.bearer(Role.AUDITOR, Agency.SOCIAL_SERVICES, "dk-invented"))
                .header("X-Purpose", "AUDIT").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode referral(JsonNode history) {
        for (JsonNode event : history.get("events")) {
            if ("ReferralReceived".equals(event.get("eventType").asText())) {
                return event;
            }
        }
        throw new AssertionError("no referral in " + history.toPrettyString());
    }

    private static JsonNode chainOf(JsonNode report, String chain) {
        for (JsonNode node : report.get("chains")) {
            if (node.get("chain").asText().equals(chain)) {
                return node;
            }
        }
        throw new AssertionError("no chain " + chain + " in " + report.toPrettyString());
    }

    private static RecordMetadata publish(String caseId, String messageId, int n) throws Exception {
        String json = "{\"caseId\":\"" + caseId + "\",\"districtId\":\"dk-invented\",\"occurredAt\":\""
                + Instant.parse("2031-03-04T09:00:00Z").plusSeconds(n) + "\",\"screenedBy\":\"screener-ole\","
                + "\"rationale\":\"decision " + n + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.REFERRAL_EVENTS, caseId, json);
        Map.of(EventHeaders.EVENT_TYPE, "SecurityScreenCleared", EventHeaders.EVENT_REVISION, "1",
                EventHeaders.MESSAGE_ID, messageId, EventHeaders.CASE_ID, caseId,
                EventHeaders.DISTRICT_ID, "dk-invented", EventHeaders.CORRELATION_ID, "corr-" + caseId)
                .forEach((name, value) -> record.headers().add(
                        new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return producer.send(record).get();
    }

    private static void awaitLedgerPast(RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(LEDGER_GROUP)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                if (committed != null && committed.offset() > record.offset()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the ledger consumer never passed " + record);
                }
                Thread.sleep(200);
            }
        }
    }
}
