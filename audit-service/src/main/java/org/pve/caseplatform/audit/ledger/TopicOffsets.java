package org.pve.caseplatform.audit.ledger;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** What Kafka says about the witnessed topics: earliest offsets and the ledger consumer's committed offsets. */
public interface TopicOffsets {

    /** The offsets of every partition of the witnessed topics; empty when Kafka cannot be asked. */
    Map<TopicPartition, Range> offsets();

    /**
     * @param earliest the first offset still in the partition
     * @param end the offset the next record will get
     * @param consumed the ledger consumer's committed offset (next to read), or null when it committed none
     */
    record Range(long earliest, long end, Long consumed) {
    }

    TopicOffsets NONE = Map::of;
}
