package org.pve.caseplatform.audit.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads earliest, end and the ledger group's committed offsets with an admin client. */
public class KafkaTopicOffsets implements TopicOffsets {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicOffsets.class);

    private final Properties adminProperties;
    private final Collection<String> topics;
    private final String consumerGroup;

    public KafkaTopicOffsets(Properties adminProperties, Collection<String> topics, String consumerGroup) {
        this.adminProperties = adminProperties;
        this.topics = topics;
        this.consumerGroup = consumerGroup;
    }

    @Override
    public Map<TopicPartition, Range> offsets() {
        try (Admin admin = Admin.create(adminProperties)) {
            Map<String, TopicDescription> described = new HashMap<>();
            for (String topic : topics) {
                try {
                    described.putAll(admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                            .get(15, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    log.debug("topic {} not there: {}", topic, e.getMessage());
                }
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(description -> description.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(description.name(), partition.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first =
                    admin.listOffsets(earliest).all().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> last =
                    admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            return earliest.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> new Range(
                    first.get(tp).offset(), last.get(tp).offset(),
                    committed.get(tp) == null ? null : committed.get(tp).offset())));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("could not read the topics' offsets: {}", e.getMessage());
            return Map.of();
        }
    }
}
