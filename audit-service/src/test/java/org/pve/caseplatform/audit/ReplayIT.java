package org.pve.caseplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.cohort.Cases;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An analyst's round trip against the running service: the live consumers build the history and the cohorts from
 * the topics, a replay of one district rebuilds them equal to the live ones, and the history exports as CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReplayIT {

    private static final Instant MARCH = Instant.parse("2031-03-04T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = EventJson.newMapper();

    private static final String ANALYST = TestTokens.bearer(Role.ANALYST, Agency.SOCIAL_SERVICES, "*");

    private static Producer<String, String> producer;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "audit");
    }

    @BeforeAll
    static void connectProducer() {
        producer = new KafkaProducer<>(new KafkaSettings(TestInfrastructure.kafka().bootstrapServers(), null, null,
                "audit-replay-it").producerProperties());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void aOneDistrictReplayOfTheRunningServiceEqualsItsLiveModels() throws Exception {
        String district = "dk-replay-" + UUID.randomUUID().toString().substring(0, 6);
        UUID closed = UUID.randomUUID();
        publish(Cases.whole(closed, district, MARCH, ClosureOutcome.GOALS_MET));
        for (int i = 0; i < 5; i++) {
            publish(Cases.screened(UUID.randomUUID(), district, MARCH.plusSeconds(i * 600L), i + 1));
        }
        await(() -> stages(district), rows -> total(rows) == 6 && rows.toString().contains("CLOSED"),
                "the live cohort of " + district);
        await(() -> get("/cases/" + closed + "/history"), history -> history.contains("CaseClosed"),
                "the live history of " + closed);
        awaitLedgerAtEndOf(Topics.ACCESS_LOG);

        HttpResponse<String> started = post("/replays", "{\"districtId\":\"" + district + "\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode finished = await(() -> JSON.readTree(get(location)),
                progress -> !"RUNNING".equals(progress.get("status").asText()), "the replay to finish");

        assertThat(finished.get("status").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("comparison").get("differences")).isEmpty();
        assertThat(finished.get("comparison").get("equal").asBoolean()).isTrue();
        assertThat(finished.get("comparison").get("cohortCasesCompared").asInt()).isEqualTo(6);
        // the case events and the access log's records of the history reads above, which the ledger keeps too
        assertThat(finished.get("comparison").get("ledgerEntriesCompared").asInt()).isGreaterThan(6 + 5 * 2);
        assertThat(finished.get("eventsDone").asLong()).isEqualTo(finished.get("eventsTotal").asLong());

        String csv = get("/cases/" + closed + "/history.csv");
        assertThat(csv.lines().filter(line -> !line.contains("CaseRecordAccessed")).toList()).hasSize(1 + 6);
        assertThat(csv).contains("CaseClosed", "owner-mette").doesNotContain("aW52ZW50ZWQgaWRlbnRpdHk=");
    }

    private JsonNode stages(String district) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/cohorts/stages?districtId=" + district))
                .header("Authorization", ANALYST).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static int total(JsonNode rows) {
        int total = 0;
        for (JsonNode row : rows) {
            total += row.get("cases").asInt();
        }
        return total;
    }

    private void publish(List<CaseEvent> events) throws Exception {
        for (CaseEvent event : events) {
            String messageId = "msg-" + UUID.randomUUID();
            producer.send(CatalogueRecords.of(event, messageId, "corr-" + messageId)).get();
        }
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ANALYST).header("X-Purpose", "RESEARCH").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", ANALYST).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the live ledger's group has committed the end of the topic: the ledger holds all of it. */
    private static void awaitLedgerAtEndOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await(() -> admin.listConsumerGroupOffsets("audit-service.ledger").partitionsToOffsetAndMetadata().get(),
                    committed -> ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                            || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue())),
                    "the ledger to reach the end of " + topic);
        }
    }

    private static <T> T await(Probe<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + value);
            }
            Thread.sleep(250);
        }
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }
}
