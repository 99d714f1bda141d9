package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The assessment service started for real (MongoDB-wire server, Kafka broker) and driven as its neighbours drive it:
 * a SecurityScreenCleared record on the referral topic, HTTP calls from the panel, FormulationAgreed on its topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closes the service while the shared broker and MongoDB still run, so it stops cleanly
class AssessmentServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String LUTON = "uk-luton";
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static KafkaProducer<String, String> producer;

    private final TestRestTemplate rest;

    AssessmentServiceIT(@Autowired TestRestTemplate rest) {
        this.rest = rest;
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "assessment-it");
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

    @Test
    void aClearedLutonReferralOpensAnAssessmentThatThePanelAgrees() throws Exception {
        SecurityScreenCleared cleared = cleared(UUID.randomUUID(), "sub-it-luton-1");
        publish(cleared, null);

        JsonNode opened = awaitAssessment(cleared.caseId());
        assertThat(opened.path("districtId").asText()).isEqualTo(LUTON);
        assertThat(opened.path("subjectRef").asText()).isEqualTo("sub-it-luton-1");
        assertThat(opened.path("frameworkId").asText()).isEqualTo("uk-safeguarding");
        assertThat(opened.path("frameworkVersion").asInt()).isEqualTo(1);
        assertThat(texts(opened.path("requiredAgencies"))).containsExactly("SOCIAL_SERVICES", "POLICE", "HEALTH");
        assertThat(Instant.parse(opened.path("dueAt").asText()))
                .isEqualTo(cleared.occurredAt().plus(21, ChronoUnit.DAYS));
        assertThat(opened.path("stage").asText()).isEqualTo("OPEN");

        ResponseEntity<JsonNode> proposed = rest.postForEntity(formulations(cleared.caseId()), Map.of(
                "needs", List.of("a mentor outside the peer group", "family support"),
                "interventionLevel", "TARGETED",
                "leadAgency", "SOCIAL_SERVICES",
                "proposedBy", "social-worker-invented",
                "summary", "Invented summary: isolated, receptive to a mentor."), JsonNode.class);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(proposed.getBody().path("formulationVersion").asInt()).isEqualTo(1);
        assertThat(proposed.getBody().path("caseId").asText()).isEqualTo(cleared.caseId().toString());
        assertThat(proposed.getHeaders().getLocation())
                .hasToString("/assessments/" + cleared.caseId() + "/formulations/1");

        ResponseEntity<JsonNode> offPanel = endorse(cleared.caseId(), 1, "EDUCATION");
        assertThat(offPanel.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(offPanel.getBody())).as("%s", offPanel.getBody()).containsExactly("agency");

        endorse(cleared.caseId(), 1, "SOCIAL_SERVICES");
        endorse(cleared.caseId(), 1, "POLICE");
        ResponseEntity<JsonNode> last = endorse(cleared.caseId(), 1, "HEALTH");
        assertThat(last.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode agreed = last.getBody();
        assertThat(agreed.path("stage").asText()).isEqualTo("FORMULATION_AGREED");
        JsonNode formulation = agreed.path("formulations").get(0);
        assertThat(formulation.path("agreed").asBoolean()).isTrue();
        assertThat(formulation.path("summary").asText())
                .isEqualTo("Invented summary: isolated, receptive to a mentor.");
        assertThat(formulation.path("endorsements").findValuesAsText("agency"))
                .containsExactly("SOCIAL_SERVICES", "POLICE", "HEALTH");

        ConsumerRecord<String, String> published = awaitPublished(cleared.caseId(), "FormulationAgreed");
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.path("formulationVersion").asInt()).isEqualTo(1);
        assertThat(event.path("leadAgency").asText()).isEqualTo("SOCIAL_SERVICES");
        assertThat(texts(event.path("endorsingAgencies"))).containsExactly("SOCIAL_SERVICES", "POLICE", "HEALTH");
        assertThat(published.key()).isEqualTo(cleared.caseId().toString());
    }

    @Test
    void aRedeliveredScreenClearanceLeavesTheAssessmentUnchanged() throws Exception {
        SecurityScreenCleared cleared = cleared(UUID.randomUUID(), "sub-it-luton-2");
        String messageId = UUID.randomUUID().toString();
        RecordMetadata first = publish(cleared, messageId, null);
        JsonNode before = awaitAssessment(cleared.caseId());

        publish(cleared, messageId, first.partition());
        SecurityScreenCleared marker = cleared(UUID.randomUUID(), "sub-it-luton-3");
        publish(marker, first.partition());
        awaitAssessment(marker.caseId());

        JsonNode after = rest.getForEntity("/assessments/" + cleared.caseId(), JsonNode.class).getBody();
        assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong()).isZero();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aFormulationWithoutNeedsIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> refused = rest.postForEntity(formulations(UUID.randomUUID()), Map.of(
                "interventionLevel", "TARGETED", "leadAgency", "HEALTH", "proposedBy", "nurse-invented",
                "summary", "invented"), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(refused.getBody())).as("%s", refused.getBody()).containsExactly("needs");
    }

    @Test
    void aFormulationWithAnUnknownInterventionLevelIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> refused = rest.postForEntity(formulations(UUID.randomUUID()), Map.of(
                "needs", List.of("invented need"), "interventionLevel", "WHATEVER_WORKS", "leadAgency", "HEALTH",
                "proposedBy", "nurse-invented", "summary", "invented"), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(refused.getBody())).as("%s", refused.getBody()).containsExactly("interventionLevel");
    }

    @Test
    void anAssessmentNobodyOpenedIsNotFound() {
        ResponseEntity<JsonNode> missing = rest.getForEntity("/assessments/" + UUID.randomUUID(), JsonNode.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static SecurityScreenCleared cleared(UUID caseId, String subjectRef) {
        return new SecurityScreenCleared(caseId, LUTON, Instant.parse("2031-05-04T08:30:00Z"), UUID.randomUUID(),
                subjectRef, "screener-invented", "no security concern (invented)");
    }

    private static RecordMetadata publish(SecurityScreenCleared event, Integer partition) throws Exception {
        return publish(event, UUID.randomUUID().toString(), partition);
    }

    private static RecordMetadata publish(SecurityScreenCleared event, String messageId, Integer partition)
            throws Exception {
        return producer.send(CatalogueRecords.of(event, messageId, event.referralId().toString(), partition)).get();
    }

    private JsonNode awaitAssessment(UUID caseId) {
        return eventually(() -> {
            ResponseEntity<JsonNode> response = rest.getForEntity("/assessments/" + caseId, JsonNode.class);
            return response.getStatusCode() == HttpStatus.OK ? Optional.of(response.getBody()) : Optional.empty();
        });
    }

    private ResponseEntity<JsonNode> endorse(UUID caseId, int version, String agency) {
        return rest.postForEntity(formulations(caseId) + "/" + version + "/endorsements",
                Map.of("agency", agency, "endorsedBy", "member-" + agency.toLowerCase() + "-invented"),
                JsonNode.class);
    }

    private static ConsumerRecord<String, String> awaitPublished(UUID caseId, String eventType) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSESSMENT_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return eventually(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (caseId.toString().equals(header(record, EventHeaders.CASE_ID))
                            && eventType.equals(header(record, EventHeaders.EVENT_TYPE))) {
                        return Optional.of(record);
                    }
                }
                return Optional.empty();
            });
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String formulations(UUID caseId) {
        return "/assessments/" + caseId + "/formulations";
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static <T> T eventually(Supplier<Optional<T>> probe) {
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
}
