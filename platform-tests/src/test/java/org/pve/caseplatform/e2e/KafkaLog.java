package org.pve.caseplatform.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's side of the fault tests, through the Kafka Admin API and plain clients: how far every consumer group
 * is behind the log end (by its committed offsets, which a dead instance's metrics could not tell), and the
 * duplicate of every record of some topics.
 */
final class KafkaLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String bootstrapServers;

    KafkaLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Records not yet committed per consumer group of the services, over every partition of the topics it commits
     * to or is assigned (a partition without a committed offset counts from 0). Replay groups are left out: they
     * read once and leave.
     */
    Map<String, Long> lagByGroup() {
        try (Admin admin = admin()) {
            Set<String> groups = new HashSet<>();
            for (ConsumerGroupListing listing : get(admin.listConsumerGroups().all())) {
                if (!listing.groupId().contains(".replay-")) {
                    groups.add(listing.groupId());
                }
            }
            Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(groups).all());
            Map<String, Long> lag = new TreeMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
                Set<String> topics = new HashSet<>();
                committed.keySet().forEach(partition -> topics.add(partition.topic()));
                for (MemberDescription member : descriptions.get(group).members()) {
                    member.assignment().topicPartitions().forEach(partition -> topics.add(partition.topic()));
                }
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> end : endOffsets(admin, topics).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    behind += end.getValue() - (at == null ? 0 : at.offset());
                }
                lag.put(group, behind);
            }
            return lag;
        }
    }

    /**
     * Forgets the groups' committed offsets, so that their consumers, when they start again, read their topics from
     * the beginning. The groups must have no member: the broker refuses while one is still leaving, so this retries.
     */
    void forgetGroups(Collection<String> groups) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    get(admin.deleteConsumerGroups(groups).all());
                    return;
                } catch (IllegalStateException stillMembers) {
                    if (System.nanoTime() > deadline) {
                        throw stillMembers;
                    }
                    PlatformClient.sleep(500);
                }
            }
        }
    }

    /** How many records the topics hold (their end offsets, summed). */
    long records(Collection<String> topics) {
        try (Admin admin = admin()) {
            return endOffsets(admin, topics).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Sends every record the topics hold now once more, to the same partition with the same key, headers, value and
     * timestamp: what the outbox relay does when it crashed between the broker's acknowledgement and marking the
     * event published. Returns how many records it sent again.
     */
    long duplicateEveryRecord(Collection<String> topics) {
        Map<TopicPartition, Long> ends;
        try (Admin admin = admin()) {
            ends = endOffsets(admin, topics);
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = ends.entrySet().stream().filter(end -> end.getValue() > 0)
                    .map(Map.Entry::getKey).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            partitions.forEach(partition -> remaining.put(partition, ends.get(partition)));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + remaining + " to their end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end != null && record.offset() < end) {
                        records.add(record);
                    }
                    if (end != null && record.offset() >= end - 1) {
                        remaining.remove(partition);
                    }
                }
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
                        record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
        return records.size();
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        get(admin.describeTopics(topics).allTopicNames()).values().forEach(topic -> topic.partitions().forEach(
                info -> latest.put(new TopicPartition(topic.name(), info.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed", e);
        }
    }
}
