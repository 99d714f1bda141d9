package org.pve.caseplatform.referral.inbound;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the inbound topic and its dead-letter topic with their short retention, and puts the configured retention
 * on them when they already exist (a broker that auto-creates topics would otherwise keep plaintext referrals for its
 * default week). They are never a replay source, unlike the domain topics that are kept forever.
 */
final class InboundTopics {

    private static final Logger log = LoggerFactory.getLogger(InboundTopics.class);

    private final KafkaSettings kafka;
    private final Map<String, Duration> retentions;

    InboundTopics(KafkaSettings kafka, InboundSettings settings) {
        this.kafka = kafka;
        this.retentions = Map.of(settings.topic(), settings.retention(),
                settings.deadLetterTopic(), settings.deadLetterRetention());
    }

    /** Waits for the broker (up to {@code patience}), then creates or adjusts the two topics. */
    void ensure(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Admin admin = Admin.create(kafka.adminProperties())) {
                Set<String> existing = admin.listTopics().names().get();
                create(admin, retentions.keySet().stream().filter(topic -> !existing.contains(topic)).toList());
                setRetention(admin, retentions.keySet().stream().filter(existing::contains).toList());
                return;
            } catch (RuntimeException | ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " is not reachable", e);
                }
                log.info("waiting for Kafka at {} to create the inbound topics: {}", kafka.bootstrapServers(),
                        e.getMessage());
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating the inbound topics", e);
            }
        }
    }

    private void create(Admin admin, List<String> missing) throws ExecutionException, InterruptedException {
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> topics = missing.stream()
                .map(topic -> new NewTopic(topic, kafka.partitions(), kafka.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs(topic),
                                TopicConfig.SEGMENT_MS_CONFIG, segmentMs(topic))))
                .toList();
        try {
            admin.createTopics(topics).all().get();
            log.info("created topics {} with short retention", missing);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            setRetention(admin, missing);
        }
    }

    private void setRetention(Admin admin, List<String> topics) throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retentionMs(topic)),
                            AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry(TopicConfig.SEGMENT_MS_CONFIG, segmentMs(topic)),
                            AlterConfigOp.OpType.SET)));
        }
        admin.incrementalAlterConfigs(changes).all().get();
    }

    private String retentionMs(String topic) {
        return String.valueOf(retentions.get(topic).toMillis());
    }

    /**
     * Segments roll at least hourly, so that records deleted by an erasure (deleteRecords moves the start offset)
     * or past retention leave the broker's disk with their segment soon after, not when a week-long segment fills.
     */
    private String segmentMs(String topic) {
        return String.valueOf(Math.min(retentions.get(topic).toMillis(), Duration.ofHours(1).toMillis()));
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
