package org.pve.caseplatform.referral.inbound;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.pve.caseplatform.support.kafka.KafkaSettings;

/**
 * Deletes the inbound topic's plaintext records that the referral service has already taken (up to its consumer
 * group's committed offsets): they are never replayed, and after an erasure nothing readable of the person may stay
 * at the boundary. Records not yet consumed stay, to be taken and then erased in their turn.
 */
public class InboundPurge {

    private static final long TIMEOUT_SECONDS = 30;

    private final KafkaSettings kafka;
    private final InboundSettings settings;

    public InboundPurge(KafkaSettings kafka, InboundSettings settings) {
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Deletes every consumed inbound record; answers the offset each partition now starts at. */
    public Map<TopicPartition, Long> purgeConsumed() {
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            Map<TopicPartition, Long> startsAt = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && partition.topic().equals(settings.topic())) {
                    deletions.put(partition, RecordsToDelete.beforeOffset(offset.offset()));
                    startsAt.put(partition, offset.offset());
                }
            });
            if (!deletions.isEmpty()) {
                admin.deleteRecords(deletions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            return startsAt;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting consumed inbound records", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the consumed inbound records could not be deleted", e);
        }
    }
}
