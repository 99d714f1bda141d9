package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.MovableClock;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One assessment-service started for real (MongoDB-wire server, Kafka broker, test token issuer) and driven as its
 * neighbours drive it: SecurityScreenCleared records on the referral topic, HTTP calls with bearer tokens, events
 * read back from the topics. Its clock (agreement validity and expiry) can be moved by the tests; every test makes
 * its own invented cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AssessmentItSupport.MovableClockConfiguration.class)
@DirtiesContext // closes the service while the shared broker and MongoDB still run, so it stops cleanly
abstract class AssessmentItSupport {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final MovableClock CLOCK = new MovableClock();
    private static KafkaProducer<String, String> producer;

    @Autowired
    TestRestTemplate rest;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "assessment-it");
        registry.add("platform.confidentiality.expiry-poll-interval", () -> "300ms");
    }

    @BeforeAll
    static void startProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @BeforeEach
    void resetClock() {
        CLOCK.reset();
    }

    static String panel(Agency agency, String district) {
        return TestTokens.bearer(Role.PANEL_MEMBER, agency, district);
    }

    static String dpo(String district) {
        return TestTokens.bearer(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES, district);
    }

    static String memberId(Agency agency) {
        return TestTokens.idOf(Role.PANEL_MEMBER, agency);
    }

    /** A case cleared at screening in the district, published to the referral topic; waits until it is open. */
    SecurityScreenCleared openAssessment(String district, String token) throws Exception {
        return openAssessment(district, token, "ASSESSMENT");
    }

    /** The same, waiting as a caller who states the given purpose. */
    SecurityScreenCleared openAssessment(String district, String token, String purpose) throws Exception {
        SecurityScreenCleared cleared = cleared(UUID.randomUUID(), district, "sub-it-" + UUID.randomUUID());
        publish(cleared, UUID.randomUUID().toString(), null);
        awaitAssessment(cleared.caseId(), token, purpose);
        return cleared;
    }

    static SecurityScreenCleared cleared(UUID caseId, String district, String subjectRef) {
        return new SecurityScreenCleared(caseId, district, Instant.parse("2031-05-04T08:30:00Z"), UUID.randomUUID(),
                subjectRef, "screener-invented", "no security concern (invented)");
    }

    static RecordMetadata publish(SecurityScreenCleared event, String messageId, Integer partition)
            throws Exception {
        return producer.send(CatalogueRecords.of(event, messageId, event.referralId().toString(), partition)).get();
    }

    /** Waits until the assessment is there for a caller who may read it (and holds an agreement where needed). */
    JsonNode awaitAssessment(UUID caseId, String token) {
        return awaitAssessment(caseId, token, "ASSESSMENT");
    }

    JsonNode awaitAssessment(UUID caseId, String token, String purpose) {
        return eventually(() -> {
            ResponseEntity<JsonNode> response = read(caseId, token, purpose);
            return response.getStatusCode() == HttpStatus.OK ? Optional.of(response.getBody()) : Optional.empty();
        });
    }

    ResponseEntity<JsonNode> read(UUID caseId, String token, String purpose) {
        return get("/assessments/" + caseId, token, purpose);
    }

    ResponseEntity<JsonNode> get(String path, String token, String purpose) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.set(HttpHeaders.AUTHORIZATION, token);
        }
        if (purpose != null) {
            headers.set(AccessPolicy.PURPOSE_HEADER, purpose);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String path, String token, Object body) {
        return post(path, token, body, new HttpHeaders());
    }

    /** A POST sent with If-Match (when not null): the change is based on that version of the assessment. */
    ResponseEntity<JsonNode> post(String path, String token, Object body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return post(path, token, body, headers);
    }

    /** A POST with the given headers besides the bearer token. */
    ResponseEntity<JsonNode> post(String path, String token, Object body, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        if (token != null) {
            all.set(HttpHeaders.AUTHORIZATION, token);
        }
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, all), JsonNode.class);
    }

    ResponseEntity<JsonNode> propose(UUID caseId, String token) {
        return post(formulations(caseId), token, Map.of(
                "needs", List.of("a mentor outside the peer group", "family support"),
                "interventionLevel", "TARGETED",
                "leadAgency", "SOCIAL_SERVICES",
                "summary", "Invented summary: isolated, receptive to a mentor."));
    }

    ResponseEntity<JsonNode> endorse(UUID caseId, int version, String token) {
        return post(formulations(caseId) + "/" + version + "/endorsements", token, Map.of());
    }

    ResponseEntity<JsonNode> recordAgreement(UUID caseId, String token, Object body) {
        return post("/assessments/" + caseId + "/confidentiality-agreements", token, body);
    }

    ResponseEntity<JsonNode> expireAgreement(UUID caseId, String memberId, String token) {
        return post("/assessments/" + caseId + "/confidentiality-agreements/" + memberId + "/expiry", token, null);
    }

    static String formulations(UUID caseId) {
        return "/assessments/" + caseId + "/formulations";
    }

    /** The records of the topic about the case, once {@code done} holds for them. */
    static List<ConsumerRecord<String, String>> published(String topic, UUID caseId, String eventType,
                                                          Predicate<List<ConsumerRecord<String, String>>> done) {
        return published(topic, caseId, eventType, done, PATIENCE);
    }

    static List<ConsumerRecord<String, String>> published(String topic, UUID caseId, String eventType,
                                                          Predicate<List<ConsumerRecord<String, String>>> done,
                                                          Duration patience) {
        return TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), topic,
                record -> caseId.toString().equals(TopicReader.header(record, EventHeaders.CASE_ID))
                        && eventType.equals(TopicReader.header(record, EventHeaders.EVENT_TYPE)),
                done, patience);
    }

    static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(fields(response.getBody())).as("%s", response.getBody()).containsExactly(field);
    }

    static <T> T eventually(Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("nothing came within " + PATIENCE);
    }

    @TestConfiguration
    static class MovableClockConfiguration {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }
}
