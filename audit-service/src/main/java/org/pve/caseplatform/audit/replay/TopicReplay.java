package org.pve.caseplatform.audit.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.pve.caseplatform.support.kafka.DeliveredEvent;

/**
 * Reads topics once, from the beginning or from the first record at or after an instant (Kafka's offsetsForTimes),
 * up to the end offsets they had when it started. It assigns partitions itself and never commits, so it leaves
 * every consumer group as it was.
 */
public class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Properties consumerProperties;
    private final List<String> topics;

    public TopicReplay(Properties consumerProperties, List<String> topics) {
        this.consumerProperties = consumerProperties;
        this.topics = List.copyOf(topics);
    }

    /** Told how far the replay has got: records done of the total, after each batch. */
    @FunctionalInterface
    public interface Progress {
        void advanced(long done, long total);
    }

    /** Hands every record in range to {@code sink}, in offset order per partition; returns the range it read. */
    public ReplayedRange replay(Instant from, Consumer<DeliveredEvent> sink, Progress progress) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = starts(consumer, partitions, from, ends);
            starts.forEach(consumer::seek);
            long total = partitions.stream().mapToLong(tp -> Math.max(0, ends.get(tp) - starts.get(tp))).sum();
            long done = 0;
            progress.advanced(0, total);
            long lastProgressAt = System.nanoTime();
            while (!reachedEnd(consumer, partitions, ends)) {
                int before = (int) done;
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        sink.accept(DeliveredEvent.from(record));
                        done++;
                    }
                }
                if (done > before) {
                    lastProgressAt = System.nanoTime();
                    progress.advanced(done, total);
                } else if (System.nanoTime() - lastProgressAt > PATIENCE.toNanos()) {
                    throw new IllegalStateException("the replay read nothing for " + PATIENCE + " at " + done
                            + " of " + total + " records");
                }
            }
            progress.advanced(done, total);
            return new ReplayedRange(starts, ends);
        }
    }

    private static Map<TopicPartition, Long> starts(KafkaConsumer<String, String> consumer,
                                                    List<TopicPartition> partitions, Instant from,
                                                    Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> starts = new HashMap<>(consumer.beginningOffsets(partitions));
        if (from != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            partitions.forEach(tp -> {
                OffsetAndTimestamp at = found.get(tp);
                starts.put(tp, at == null ? ends.get(tp) : at.offset());
            });
        }
        return starts;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                      Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }
}
