package org.pve.caseplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit service against a real Kafka broker and MongoDB-wire server: catalogue events published to their topics
 * as the services publish them come back as the case's history, each once, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closes the service while the shared broker and MongoDB still run, not in a racing shutdown hook
class CaseHistoryIT {

    private static final String LEDGER_GROUP = "audit-service.ledger";
    private static final Instant RECEIVED = Instant.parse("2031-03-04T09:00:00.125Z");
    private static final Instant CLEARED = Instant.parse("2031-03-04T09:05:00Z");
    private static final Instant OPENED = Instant.parse("2031-03-04T09:06:30Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String AUDITOR = TestTokens.bearer(Role.AUDITOR, Agency.SOCIAL_SERVICES, "dk-invented");

    private static Producer<String, String> producer;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private PersonalDataVault vault;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "audit");
    }

    @BeforeAll
    static void connectProducer() {
        producer = new KafkaProducer<>(new KafkaSettings(TestInfrastructure.kafka().bootstrapServers(), null, null,
                "audit-it").producerProperties());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void theHistoryListsEachEventOnceInTheOrderItHappenedWithItsService() throws Exception {
        UUID caseId = UUID.randomUUID();
        publish(received(caseId), "msg-received-" + caseId);
        publish(cleared(caseId), "msg-cleared-" + caseId);
        publish(opened(caseId), "msg-opened-" + caseId);
        RecordMetadata again = publish(cleared(caseId), "msg-cleared-" + caseId);
        awaitLedgerPast(again);

        JsonNode history = awaitHistory(caseId, 3);

        assertThat(history.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(texts(history, "eventType"))
                .containsExactly("ReferralReceived", "SecurityScreenCleared", "AssessmentOpened");
        assertThat(texts(history, "service"))
                .containsExactly("referral-service", "referral-service", "assessment-service");
        assertThat(texts(history, "messageId")).containsExactly("msg-received-" + caseId,
                "msg-cleared-" + caseId, "msg-opened-" + caseId);
        assertThat(texts(history, "occurredAt"))
                .containsExactly(RECEIVED.toString(), CLEARED.toString(), OPENED.toString());
        List<JsonNode> ofTheCase = new ArrayList<>();
        history.get("events").forEach(event -> {
            if (!"CaseRecordAccessed".equals(event.get("eventType").asText())) {
                ofTheCase.add(event);
            }
        });
        JsonNode clearing = ofTheCase.get(1);
        assertThat(clearing.get("actor").asText()).isEqualTo("screener-ole");
        assertThat(clearing.get("topic").asText()).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(clearing.get("offset").asLong()).isLessThan(again.offset());
        JsonNode identity = ofTheCase.get(0).get("data").get("subjectIdentity");
        assertThat(identity.get("ciphertext").isTextual()).isTrue();
        assertThat(identity.get("keyRef").asText()).isEqualTo("sub-invented");
        assertThat(history.toString()).doesNotContain("Invented Person");
    }

    @Test
    void aHistoryReadIsPublishedToTheAccessLogAndThenShownInTheHistory() throws Exception {
        UUID caseId = UUID.randomUUID();
        publish(received(caseId), "msg-received-" + caseId);
        awaitHistory(caseId, 1);

        List<ConsumerRecord<String, String>> logged = TopicReader.read(
                TestInfrastructure.kafka().bootstrapServers(), Topics.ACCESS_LOG,
                record -> caseId.toString().equals(record.key()), found -> !found.isEmpty(), PATIENCE);

        assertThat(logged).isNotEmpty();
        assertThat(TopicReader.header(logged.get(0), EventHeaders.EVENT_TYPE)).isEqualTo("CaseRecordAccessed");
        JsonNode accessed = JSON.readTree(logged.get(0).value());
        assertThat(accessed.get("who").asText()).isEqualTo(TestTokens.idOf(Role.AUDITOR, Agency.SOCIAL_SERVICES));
        assertThat(accessed.get("role").asText()).isEqualTo("AUDITOR");
        assertThat(accessed.get("view").asText()).isEqualTo("case-history");
        assertThat(accessed.get("purpose").asText()).isEqualTo("AUDIT");
        assertThat(accessed.get("districtId").asText()).isEqualTo("dk-invented");

        JsonNode history = awaitValue(() -> JSON.readTree(get("/cases/" + caseId + "/history").body()),
                read -> eventTypes(read).contains("CaseRecordAccessed"), "the read in the history");
        JsonNode read = history.get("events").get(eventTypes(history).indexOf("CaseRecordAccessed"));
        assertThat(read.get("actor").asText()).isEqualTo(TestTokens.idOf(Role.AUDITOR, Agency.SOCIAL_SERVICES));
        assertThat(read.get("data").get("purpose").asText()).isEqualTo("AUDIT");
    }

    @Test
    void aCaseOfAnotherDistrictIsNotFoundExactlyAsACaseNeverSeen() throws Exception {
        UUID caseId = UUID.randomUUID();
        publish(received(caseId), "msg-received-" + caseId);
        awaitHistory(caseId, 1);
        String elsewhere = TestTokens.bearer(Role.AUDITOR, Agency.SOCIAL_SERVICES, "dk-elsewhere");

        HttpResponse<String> other = get("/cases/" + caseId + "/history", elsewhere, "AUDIT");
        UUID neverSeen = UUID.randomUUID();
        HttpResponse<String> unknown = get("/cases/" + neverSeen + "/history", elsewhere, "AUDIT");

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(other.body().replace(caseId.toString(), "ID"))
                .isEqualTo(unknown.body().replace(neverSeen.toString(), "ID"));
    }

    @Test
    void aCaseSealedOnTheSecuritySideIsNotFoundOutsideThePolice() throws Exception {
        UUID caseId = UUID.randomUUID();
        publish(received(caseId), "msg-received-" + caseId);
        publish(new ReferralEscalatedToSecurity(caseId, "dk-invented", CLEARED, UUID.randomUUID(), "screener-ole",
                SecurityDestination.POLICE_INVESTIGATION, "an invented risk"), "msg-escalated-" + caseId);
        String police = TestTokens.bearer(Role.AUDITOR, Agency.POLICE, "dk-invented");
        awaitValue(() -> get("/cases/" + caseId + "/history", police, "AUDIT"),
                response -> response.statusCode() == 200 && response.body().contains("ReferralEscalatedToSecurity"),
                "the escalation in the history");

        assertThat(get("/cases/" + caseId + "/history").statusCode()).isEqualTo(404);
        assertThat(get("/cases/" + caseId + "/history.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void aReadForProsecutionIsForbiddenAndRolesOutsideTheAuditRowToo() throws Exception {
        UUID caseId = UUID.randomUUID();
        publish(received(caseId), "msg-received-" + caseId);
        awaitHistory(caseId, 1);

        assertThat(get("/cases/" + caseId + "/history", AUDITOR, "PROSECUTION").statusCode()).isEqualTo(403);
        assertThat(get("/cases/" + caseId + "/history",
                TestTokens.bearer(Role.CASE_OWNER, Agency.SOCIAL_SERVICES, "dk-invented"), "CASE_MANAGEMENT")
                .statusCode()).isEqualTo(403);
        assertThat(get("/cases/" + caseId + "/history", null, "AUDIT").statusCode()).isEqualTo(401);
    }

    @Test
    void asOfBetweenTheFirstAndSecondEventShowsOnlyTheFirst() throws Exception {
        UUID caseId = UUID.randomUUID();
        publish(received(caseId), "msg-received-" + caseId);
        publish(cleared(caseId), "msg-cleared-" + caseId);
        publish(opened(caseId), "msg-opened-" + caseId);
        awaitHistory(caseId, 3);

        HttpResponse<String> response = get("/cases/" + caseId + "/history?asOf=2031-03-04T09:01:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode history = JSON.readTree(response.body());
        assertThat(history.get("asOf").asText()).isEqualTo("2031-03-04T09:01:00Z");
        assertThat(texts(history, "eventType")).containsExactly("ReferralReceived");
    }

    @Test
    void recordsTheLedgerCannotReadDoNotHoldUpTheEventsBehindThem() throws Exception {
        UUID caseId = UUID.randomUUID();
        send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, caseId.toString(), "this is not JSON"),
                Map.of(EventHeaders.MESSAGE_ID, "msg-junk-" + caseId));
        send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, caseId.toString(), JSON.writeValueAsString(cleared(caseId))),
                Map.of(EventHeaders.EVENT_TYPE, "SecurityScreenCleared"));
        publish(received(caseId), "msg-received-" + caseId);

        JsonNode history = awaitHistory(caseId, 1);

        assertThat(texts(history, "messageId")).containsExactly("msg-received-" + caseId);
    }

    @Test
    void aCaseTheLedgerNeverSawIsNotFound() throws Exception {
        HttpResponse<String> response = get("/cases/" + UUID.randomUUID() + "/history");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anAsOfThatIsNotAnInstantIsRefusedNamingAsOf() throws Exception {
        HttpResponse<String> response = get("/cases/" + UUID.randomUUID() + "/history?asOf=last-tuesday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    }

    @Test
    void aCaseIdThatIsNotAUuidIsRefusedNamingCaseId() throws Exception {
        HttpResponse<String> response = get("/cases/case-seven/history");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo("caseId");
    }

    private RecordMetadata publish(CaseEvent event, String messageId) throws Exception {
        return producer.send(CatalogueRecords.of(event, messageId, "corr-" + event.caseId())).get();
    }

    private static RecordMetadata send(ProducerRecord<String, String> record, Map<String, String> headers)
            throws Exception {
        headers.forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return producer.send(record).get();
    }

    /** Waits until the ledger's consumer group has committed past the record: the ledger has handled it. */
    private static void awaitLedgerPast(RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            awaitValue(() -> admin.listConsumerGroupOffsets(LEDGER_GROUP).partitionsToOffsetAndMetadata().get()
                            .get(partition),
                    committed -> committed != null && committed.offset() > record.offset(),
                    "the ledger consumer to pass " + record);
        }
    }

    private JsonNode awaitHistory(UUID caseId, int events) throws Exception {
        return awaitValue(() -> {
            HttpResponse<String> response = get("/cases/" + caseId + "/history");
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        }, history -> history != null && texts(history, "eventType").size() >= events,
                events + " events of " + caseId);
    }

    private static <T> T awaitValue(Probe<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + value);
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, AUDITOR, "AUDIT");
    }

    private HttpResponse<String> get(String path, String token, String purpose) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Purpose", purpose);
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The field of each event of the case, less the access log's records of reads (which tests make too). */
    private static List<String> texts(JsonNode history, String field) {
        List<String> values = new ArrayList<>();
        history.get("events").forEach(event -> {
            if (!"CaseRecordAccessed".equals(event.get("eventType").asText())) {
                values.add(event.get(field).asText());
            }
        });
        return values;
    }

    private static List<String> eventTypes(JsonNode history) {
        List<String> values = new ArrayList<>();
        history.get("events").forEach(event -> values.add(event.get("eventType").asText()));
        return values;
    }

    private ReferralReceived received(UUID caseId) {
        return new ReferralReceived(caseId, "dk-invented", RECEIVED, UUID.randomUUID(), "0999", Channel.AGENCY,
                Agency.EDUCATION, "ext-" + caseId, "sub-invented",
                vault.encrypt("sub-invented", "Invented Person 2015-05-05"), AgeBand.AGE_16_17,
                List.of(ConcernCategory.MIXED_OR_UNCLEAR), vault.encrypt("sub-invented", "an invented concern"));
    }

    private static SecurityScreenCleared cleared(UUID caseId) {
        return new SecurityScreenCleared(caseId, "dk-invented", CLEARED, UUID.randomUUID(), "sub-invented",
                "screener-ole", "no security concern");
    }

    private static AssessmentOpened opened(UUID caseId) {
        return new AssessmentOpened(caseId, "dk-invented", OPENED, "sub-invented", "dialogue-invented", 1,
                List.of(Agency.POLICE, Agency.SOCIAL_SERVICES), OPENED.plus(Duration.ofDays(28)));
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }
}
