package org.pve.caseplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.support.testing.Await;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * Old and unknown event revisions on a real broker: a consumer reads an AssessmentOpened of revision 1 in the
 * current shape through the contract's upcaster; a revision newer than the build knows stops the consumer at that
 * record, with the error and the stopped gauge, instead of skipping it, and a restarted consumer stops there again.
 */
class EventRevisionsIT {

    private static final String V1 = """
            {"caseId":"%s","districtId":"uk-luton","occurredAt":"2026-03-02T09:15:00Z","subjectRef":"sub-invented-1",
             "frameworkId":"uk-safeguarding","frameworkVersion":1,"requiredAgencies":["SOCIAL_SERVICES","POLICE","HEALTH"],
             "dueAt":"2026-03-23T09:15:00Z"}""";

    @Test
    void anOldRevisionIsReadInTheNewShapeAndAnUnknownOneStopsTheConsumerWhereItIs() throws Exception {
        String topic = "revisions-" + UUID.randomUUID();
        String group = "revisions-" + UUID.randomUUID();
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        UUID oldCase = UUID.randomUUID();
        UUID newerCase = UUID.randomUUID();
        UUID afterCase = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            producer.send(record(topic, oldCase, 1)).get();
            producer.send(record(topic, newerCase, 3)).get();
            producer.send(record(topic, afterCase, 2)).get();
        }
        List<CaseEvent> handled = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        KafkaRecordLoop<String> loop = loop(topic, group, bootstrap, handled, registry);
        loop.start();
        Await.until(() -> !loop.isRunning(), Duration.ofSeconds(60));

        assertThat(handled).hasSize(1);
        AssessmentOpened opened = (AssessmentOpened) handled.get(0);
        assertThat(opened.caseId()).isEqualTo(oldCase);
        assertThat(opened.frameworkFamily()).isEqualTo("uk-safeguarding");
        assertThat(loop.stoppedBy()).hasValueSatisfying(error -> {
            assertThat(error.revision()).isEqualTo(3);
            assertThat(error.getMessage()).contains("AssessmentOpened revision 3 is newer than this build knows");
        });
        assertThat(registry.get("platform.consumer.stopped").tag("consumer", "revisions").gauge().value())
                .isEqualTo(1.0);
        assertThat(committed(bootstrap, group, topic)).as("not committed past the unknown revision").isEqualTo(1L);
        loop.close();

        SimpleMeterRegistry afterRestart = new SimpleMeterRegistry();
        KafkaRecordLoop<String> restarted = loop(topic, group, bootstrap, handled, afterRestart);
        restarted.start();
        Await.until(() -> !restarted.isRunning(), Duration.ofSeconds(60));
        restarted.close();

        assertThat(handled).as("nothing skipped, nothing handled twice").hasSize(1);
        assertThat(restarted.stoppedBy()).isPresent();
        assertThat(afterRestart.get("platform.consumer.stopped").gauge().value()).isEqualTo(1.0);
    }

    private static KafkaRecordLoop<String> loop(String topic, String group, String bootstrap, List<CaseEvent> handled,
                                                SimpleMeterRegistry registry) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaRecordLoop<>("revisions", List.of(topic),
                () -> new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties),
                record -> DeliveredEvent.from(record).event().ifPresent(handled::add), registry);
    }

    private static ProducerRecord<String, String> record(String topic, UUID caseId, int revision) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, caseId.toString(),
                revision == 1 ? V1.formatted(caseId) : V1.formatted(caseId).replace("frameworkId", "frameworkFamily"));
        header(record, EventHeaders.EVENT_TYPE, "AssessmentOpened");
        header(record, EventHeaders.EVENT_REVISION, Integer.toString(revision));
        header(record, EventHeaders.MESSAGE_ID, UUID.randomUUID().toString());
        header(record, EventHeaders.CASE_ID, caseId.toString());
        header(record, EventHeaders.DISTRICT_ID, "uk-luton");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static long committed(String bootstrap, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
