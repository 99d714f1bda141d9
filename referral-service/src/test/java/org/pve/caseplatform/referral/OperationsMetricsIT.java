package org.pve.caseplatform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * What an operator's Prometheus scrapes from referral-service while referrals come in over HTTP and Kafka: the
 * platform's own series (docs/operations/metrics.md) read from /actuator/prometheus, with their tags and values. The
 * referrals go to a district no other test of this JVM uses, and the consumers have groups of their own, so the
 * counts are this test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class OperationsMetricsIT {

    private static final String DISTRICT = "dk-nordjylland";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String INBOUND = Topics.INBOUND_REFERRALS + ".metrics-" + SUFFIX;
    private static final String GROUP = "referral-service.metrics-it-" + SUFFIX;
    private static final int REFERRALS = 3;
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "referral-metrics");
        registry.add("platform.inbound.topic", () -> INBOUND);
        registry.add("platform.inbound.group-id", () -> GROUP + ".inbound");
        registry.add("referral.case-index.group", () -> GROUP + ".case-index");
        registry.add("referral.retention.group", () -> GROUP + ".retention");
        registry.add("platform.deadlines.poll-interval", () -> "300ms");
    }

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePlatformSeriesShowTheReferralsCommandsConsumersDeadlinesAndDeadLettersWithTheirTags() throws Exception {
        List<String> referralIds = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            referralIds.add(json.readTree(post("/referrals", referral(), Role.REFERRER, Agency.EDUCATION))
                    .get("referralId").asText());
        }
        String screening = "/referrals/" + referralIds.get(0) + "/screening";
        post(screening, Map.of("decision", "CLEAR", "rationale", "No security response needed"),
                Role.POLICE_SCREENER, Agency.POLICE);
        post(screening, Map.of("decision", "CLOSE", "rationale", "Too late", "reason", "NO_CONCERN"),
                Role.POLICE_SCREENER, Agency.POLICE);
        sendInbound("{not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<Series>> scrape = scrape();
            assertThat(value(scrape, "platform_events_published_total",
                    Map.of("event", "ReferralReceived", "district", DISTRICT))).isEqualTo(REFERRALS);
            assertThat(value(scrape, "platform_events_published_total",
                    Map.of("event", "SecurityScreenCleared", "district", DISTRICT))).isEqualTo(1);
            assertThat(value(scrape, "platform_events_consumed_total",
                    Map.of("consumer", "case-index", "event", "ReferralReceived", "district", DISTRICT)))
                    .isEqualTo(REFERRALS);
            assertThat(value(scrape, "platform_deadlines_pending",
                    Map.of("kind", "screening", "district", DISTRICT))).isEqualTo(REFERRALS);
            assertThat(value(scrape, "platform_dead_letters_total",
                    Map.of("topic", INBOUND, "reason", "not-json"))).isEqualTo(1);
        });

        Map<String, List<Series>> scrape = scrape();
        assertThat(value(scrape, "platform_commands_total", Map.of("command", "ReceiveReferral", "outcome", "success")))
                .as("each command counted once, however many interceptors the bus has").isEqualTo(REFERRALS);
        assertThat(value(scrape, "platform_commands_total",
                Map.of("command", "ClearSecurityScreen", "outcome", "success"))).isEqualTo(1);
        assertThat(value(scrape, "platform_commands_total",
                Map.of("command", "CloseReferralNoFurtherAction", "outcome", "rejected"))).isEqualTo(1);
        assertThat(value(scrape, "platform_deadlines_overdue", Map.of("kind", "screening", "district", DISTRICT)))
                .isZero();
        assertThat(value(scrape, "platform_event_latency_seconds_count",
                Map.of("consumer", "case-index", "event", "ReferralReceived"))).isGreaterThanOrEqualTo(REFERRALS);
        assertThat(scrape.get("platform_event_latency_seconds_bucket"))
                .as("a percentile histogram").anySatisfy(bucket -> assertThat(bucket.labels())
                        .containsEntry("consumer", "case-index").containsKey("le"));
        assertThat(scrape.get("platform_consumer_lag")).as("a lag per partition the consumer holds")
                .anySatisfy(lag -> assertThat(lag.labels()).containsEntry("consumer", "case-index")
                        .containsEntry("topic", Topics.REFERRAL_EVENTS).containsKey("partition"))
                .anySatisfy(lag -> assertThat(lag.labels()).containsEntry("consumer", "inbound-referrals")
                        .containsEntry("topic", INBOUND))
                .allSatisfy(lag -> assertThat(lag.value()).isGreaterThanOrEqualTo(0));
        assertThat(scrape.values()).flatMap(list -> list).filteredOn(series -> series.name().startsWith("platform_"))
                .allSatisfy(series -> assertThat(series.labels()).containsEntry("application", "referral-service")
                        .doesNotContainValue(referralIds.get(0)));
    }

    private Map<String, List<Series>> scrape() {
        String text = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .retrieve().body(String.class);
        Map<String, List<Series>> series = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher matcher = SERIES.matcher(line);
            if (matcher.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                series.computeIfAbsent(matcher.group(1), name -> new ArrayList<>())
                        .add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
            }
        }
        return series;
    }

    /** The value of the one series of that name carrying those labels; absent counts as 0. */
    private static double value(Map<String, List<Series>> scrape, String name, Map<String, String> labels) {
        List<Series> matching = scrape.getOrDefault(name, List.of()).stream()
                .filter(series -> series.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertThat(matching).as(name + labels).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    private record Series(String name, Map<String, String> labels, double value) {
    }

    private String post(String path, Object body, Role role, Agency agency) {
        return RestClient.create("http://localhost:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(role, agency, DISTRICT))
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> new String(response.getBody().readAllBytes(),
                        StandardCharsets.UTF_8));
    }

    private static Map<String, Object> referral() {
        return Map.of("channel", "AGENCY", "referrerAgency", "EDUCATION", "districtId", DISTRICT,
                "municipalityId", "0851",
                "subject", Map.of("givenNames", "Ilse", "dateOfBirth", "2009-02-11",
                        "familyName", "Invented-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "")),
                "ageBand", "16_17", "concernCategories", List.of("FAR_RIGHT"),
                "concernSummary", "Invented concern for a metrics test");
    }

    private static void sendInbound(byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(INBOUND, "metrics-" + SUFFIX, value)).get();
        }
    }
}
