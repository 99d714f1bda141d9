package org.pve.caseplatform.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pve.caseplatform.referral.inbound.InboundSamples.bytes;
import static org.pve.caseplatform.referral.inbound.InboundSamples.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.command.SubjectErasure;
import org.pve.caseplatform.referral.query.ReferralIndex;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * referral-service on a real broker, fed as an integrating system feeds it: records on the inbound topic, keyed by
 * their externalReference. The topics here have names of their own so that other test contexts of this JVM, which
 * consume the contract's inbound topic, cannot take these records.
 */
@SpringBootTest
class InboundReferralsIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String INBOUND = Topics.INBOUND_REFERRALS + ".it-" + SUFFIX;
    private static final String DEAD_LETTERS = INBOUND + ".dlt";
    private static final String GROUP = "referral-service.inbound.it-" + SUFFIX;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        preCreateWithTheBrokersDefaultRetention(INBOUND);
        TestInfrastructure.register(registry, "referral-inbound");
        registry.add("platform.inbound.topic", () -> INBOUND);
        registry.add("platform.inbound.group-id", () -> GROUP);
        registry.add("platform.inbound.retention", () -> "2h");
        registry.add("referral.case-index.group", () -> GROUP + ".case-index");
        registry.add("referral.retention.group", () -> GROUP + ".retention");
    }

    @Autowired
    PersonalDataVault vault;
    @Autowired
    Pseudonymiser pseudonymiser;
    @Autowired
    DeadLetterKeys deadLetterKeys;
    @Autowired
    SubjectErasure erasure;
    @Autowired
    ReferralIndex referralIndex;

    private final ObjectMapper json = EventJson.newMapper();

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aValidInboundReferralIsReceivedThroughTheIntegrationChannelWithItsPersonalFieldsEncrypted() {
        ObjectNode referral = InboundSamples.referral();

        send(reference(referral), bytes(referral));

        List<ConsumerRecord<String, String>> received = received(reference(referral), 1);
        assertThat(received).hasSize(1);
        assertThat(TopicReader.header(received.get(0), EventHeaders.EVENT_TYPE)).isEqualTo("ReferralReceived");
        assertThat(received.get(0).value()).contains("\"channel\":\"INTEGRATION\"", "\"ciphertext\"")
                .doesNotContain(InboundSamples.GIVEN_NAMES, InboundSamples.FAMILY_NAME,
                        InboundSamples.DATE_OF_BIRTH, InboundSamples.CONCERN);
    }

    @Test
    void theSameMessageSentTwiceIsReceivedOnce() {
        ObjectNode referral = InboundSamples.referral();

        send(reference(referral), bytes(referral));
        awaitConsumed(send(reference(referral), bytes(referral)));

        assertThat(received(reference(referral), 2, Duration.ofSeconds(8))).hasSize(1);
    }

    @Test
    void malformedAndSchemaInvalidMessagesAreDeadLetteredWithTheirReasonAndTheConsumerGoesOn() {
        ObjectNode valid = InboundSamples.referral();
        String key = reference(valid);
        ObjectNode unknownAgeBand = valid.deepCopy().put("ageBand", "SEVENTEEN_ISH");
        ObjectNode noReference = valid.deepCopy();
        noReference.remove("externalReference");

        send(key, "{not json".getBytes(StandardCharsets.UTF_8));
        send(key, bytes(unknownAgeBand));
        send(key, bytes(noReference));
        send(key, bytes(valid));

        List<ConsumerRecord<String, String>> letters = deadLetters(key, 3);
        assertThat(letters).extracting(letter -> TopicReader.header(letter, DeadLetters.REASON)).containsExactly(
                "$: not well-formed JSON (line 1, column 2)",
                "$.ageBand: does not have a value in the enumeration "
                        + "[\"UNDER_12\", \"12_15\", \"16_17\", \"18_24\", \"25_PLUS\", \"UNKNOWN\"]",
                "$.externalReference: is required");
        assertThat(received(key, 1)).hasSize(1);
    }

    @Test
    void aDeadLetterNamesWhereTheMessageCameFromAndHoldsItOnlyEncryptedUnderItsSubjectsKey() throws Exception {
        ObjectNode referral = InboundSamples.referral().put("ageBand", "SEVENTEEN_ISH");
        byte[] original = bytes(referral);

        RecordMetadata sent = send(reference(referral), original);

        ConsumerRecord<String, String> letter = deadLetters(reference(referral), 1).get(0);
        assertThat(TopicReader.header(letter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(INBOUND);
        assertThat(TopicReader.header(letter, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("" + sent.partition());
        assertThat(TopicReader.header(letter, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("" + sent.offset());
        assertThat(Instant.parse(TopicReader.header(letter, DeadLetters.RECEIVED_AT))).isBefore(Instant.now());
        JsonNode value = json.readTree(letter.value());
        assertThat(value.get("reason").asText()).startsWith("$.ageBand: does not have a value in the enumeration");
        assertThat(value.get("originalTopic").asText()).isEqualTo(INBOUND);
        assertThat(value.get("originalOffset").asLong()).isEqualTo(sent.offset());
        assertThat(letter.value()).doesNotContain(InboundSamples.GIVEN_NAMES, InboundSamples.FAMILY_NAME,
                InboundSamples.DATE_OF_BIRTH, InboundSamples.CONCERN, "SEVENTEEN_ISH");
        EncryptedValue encrypted = json.treeToValue(value.get("original"), EncryptedValue.class);
        assertThat(encrypted.keyRef()).startsWith(pseudonymiser.subjectRef(InboundSamples.GIVEN_NAMES,
                InboundSamples.FAMILY_NAME, LocalDate.parse(InboundSamples.DATE_OF_BIRTH)));
        assertThat(vault.decrypt(encrypted)).contains(new String(original, StandardCharsets.UTF_8));
    }

    @Test
    void aDeadLetterWhoseSubjectCannotBeToldHasAKeyOfItsOwnDestroyedAfterItsRetention() throws Exception {
        String key = "ext-" + UUID.randomUUID();

        send(key, "{\"subject\": {\"givenNames\": \"Mika\", \"familyName\"".getBytes(StandardCharsets.UTF_8));

        EncryptedValue encrypted = json.treeToValue(json.readTree(deadLetters(key, 1).get(0).value())
                .get("original"), EncryptedValue.class);
        assertThat(encrypted.keyRef()).startsWith("dlt-");
        assertThat(vault.decrypt(encrypted)).isPresent();
        assertThat(deadLetterKeys.destroyOlderThan(Instant.now().plusSeconds(60))).isPositive();
        assertThat(vault.holdsKey(encrypted.keyRef())).isFalse();
        assertThat(vault.decrypt(encrypted)).isEmpty();
    }

    @Test
    void anErasureDeletesTheInboundRecordsTheServiceHasTaken() throws Exception {
        ObjectNode referral = InboundSamples.referral();
        String familyName = "Erased-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ((ObjectNode) referral.get("subject")).put("familyName", familyName);
        String subjectRef = pseudonymiser.subjectRef(InboundSamples.GIVEN_NAMES, familyName,
                LocalDate.parse(InboundSamples.DATE_OF_BIRTH));

        RecordMetadata sent = send(reference(referral), bytes(referral));
        awaitConsumed(sent);
        await().atMost(PATIENCE).until(() -> !referralIndex.withSubjectRef(subjectRef).isEmpty());

        erasure.eraseOnRequest(subjectRef, district -> true, "data-protection-officer-public");

        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            long startsAt = admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition)
                    .get().offset();
            assertThat(startsAt).isGreaterThan(sent.offset());
        }
        assertThat(vault.holdsKey(subjectRef)).isFalse();
    }

    @Test
    void bytesThatAreNotTextComeBackExactlyFromTheirDeadLetter() throws Exception {
        String key = "ext-" + UUID.randomUUID();
        byte[] original = {(byte) 0xC3, (byte) 0x28, 0x7B, 0x00, (byte) 0xFF};

        send(key, original);

        JsonNode value = json.readTree(deadLetters(key, 1).get(0).value());
        assertThat(value.get("originalEncoding").asText()).isEqualTo(DeadLetters.BASE64);
        String base64 = vault.decrypt(json.treeToValue(value.get("original"), EncryptedValue.class)).orElseThrow();
        assertThat(Base64.getDecoder().decode(base64)).isEqualTo(original);
    }

    @Test
    void aReferralForAnUnknownDistrictIsDeadLetteredNamingDistrictId() {
        ObjectNode referral = InboundSamples.referral().put("districtId", "xx-nowhere");

        send(reference(referral), bytes(referral));

        assertThat(TopicReader.header(deadLetters(reference(referral), 1).get(0), DeadLetters.REASON))
                .isEqualTo("$.districtId: is not a known district");
    }

    @Test
    void theInboundTopicsGetTheirShortRetentionWhetherCreatedByTheServiceOrFoundExisting() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, INBOUND),
                    new ConfigResource(ConfigResource.Type.TOPIC, DEAD_LETTERS))).all().get();

            assertThat(configs.values()).hasSize(2).allSatisfy(config ->
                    assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("7200000"));
        }
    }

    /** As a broker that auto-creates topics would: before the service starts, with the broker's retention. */
    private static void preCreateWithTheBrokersDefaultRetention(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private RecordMetadata send(String key, byte[] value) {
        try {
            return producer().send(new ProducerRecord<>(INBOUND, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + INBOUND, e);
        }
    }

    private List<ConsumerRecord<String, String>> received(String externalReference, int atLeast) {
        return received(externalReference, atLeast, PATIENCE);
    }

    /** The ReferralReceived events of the reference, once there are {@code atLeast} or {@code patience} is up. */
    private List<ConsumerRecord<String, String>> received(String externalReference, int atLeast, Duration patience) {
        return TopicReader.read(bootstrap(), Topics.REFERRAL_EVENTS,
                record -> "ReferralReceived".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE))
                        && record.value().contains("\"externalReference\":\"" + externalReference + "\""),
                found -> found.size() >= atLeast, patience);
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key, int count) {
        return TopicReader.read(bootstrap(), DEAD_LETTERS, record -> key.equals(record.key()),
                found -> found.size() >= count, PATIENCE);
    }

    /** Waits until the service's group has committed past {@code sent}: it is done with that record. */
    private void awaitConsumed(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            await().atMost(PATIENCE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private static String bootstrap() {
        return TestInfrastructure.kafka().bootstrapServers();
    }
}
