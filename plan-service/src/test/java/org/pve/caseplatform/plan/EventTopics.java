package org.pve.caseplatform.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;

/**
 * The domain topics as an upstream service and a downstream consumer meet them: plain kafka-clients, records in the
 * integration contract's form (JSON value, caseId key, catalogue headers).
 */
final class EventTopics implements AutoCloseable {

    static final List<String> NEEDS = List.of("mentoring", "education");

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;

    EventTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A FormulationAgreed record as the assessment service publishes it, with invented values. */
    static ProducerRecord<String, String> formulationAgreed(UUID caseId, String districtId) {
        FormulationAgreed event = new FormulationAgreed(caseId, districtId, Instant.now(), subjectRefOf(caseId), 1,
                NEEDS, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES,
                List.of(Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.EDUCATION));
        return CatalogueRecords.of(event, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    static String subjectRefOf(UUID caseId) {
        return "sub-it-" + caseId;
    }

    RecordMetadata publish(ProducerRecord<String, String> record) throws ExecutionException, InterruptedException {
        return producer.send(record).get();
    }

    /** Waits until the consumer group has committed past the record: its handler finished with it. */
    void awaitHandled(String consumerGroup, RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        Waiting.until(consumerGroup + " to handle " + partition + "@" + sent.offset(), () -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }

    /** Reads the topic from its beginning until the case's event of that type arrives. */
    ConsumerRecord<String, String> awaitRecord(String topic, UUID caseId, String eventType) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "plan-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Waiting.PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (caseId.toString().equals(record.key())
                            && eventType.equals(header(record, EventHeaders.EVENT_TYPE))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + eventType + " for case " + caseId + " on " + topic);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
