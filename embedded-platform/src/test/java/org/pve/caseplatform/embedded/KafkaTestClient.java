package org.pve.caseplatform.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** A plain kafka-clients client for the broker tests: create topics, send, read, commit and look up offsets. */
final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** Creates a topic with the broker's default partition count. */
    void createTopic(String topic) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
    }

    Set<String> topics() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get();
    }

    int partitions(String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    String brokerConfig(String name) throws ExecutionException, InterruptedException {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        return admin.describeConfigs(List.of(broker)).all().get().get(broker).get(name).value();
    }

    String clusterId() throws ExecutionException, InterruptedException {
        return admin.describeCluster().clusterId().get();
    }

    void send(TopicPartition partition, String... values) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), value, value)).get();
            }
        }
    }

    void commit(String group, TopicPartition partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    long committedOffset(String group, TopicPartition partition) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition).offset();
    }

    /** Reads the partition to its end, from the group's committed offset (or the beginning when there is none). */
    List<String> readFromCommitted(String group, TopicPartition partition) {
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.assign(List.of(partition));
            return readToEnd(consumer, partition);
        }
    }

    List<String> readFromBeginning(TopicPartition partition) {
        try (KafkaConsumer<String, String> consumer = consumer("reader-" + System.nanoTime())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return readToEnd(consumer, partition);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    private static List<String> readToEnd(KafkaConsumer<String, String> consumer, TopicPartition partition) {
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        List<String> values = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(20);
        while (consumer.position(partition) < end && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
        }
        return values;
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
