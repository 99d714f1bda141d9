package org.pve.caseplatform.audit.replay;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The offsets a replay read per partition: from {@code starts} (inclusive) to {@code ends} (exclusive). */
public record ReplayedRange(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {

    public ReplayedRange {
        starts = Map.copyOf(starts);
        ends = Map.copyOf(ends);
    }

    boolean contains(String topic, int partition, long offset) {
        TopicPartition at = new TopicPartition(topic, partition);
        Long start = starts.get(at);
        Long end = ends.get(at);
        return start != null && end != null && offset >= start && offset < end;
    }
}
