package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.pve.caseplatform.support.metrics.PlatformMetrics;

/**
 * The gauge {@value PlatformMetrics#CONSUMER_LAG}: how many records a consumer is behind the log end, per partition
 * it holds. Updated after each poll from what the consumer already knows (its last fetch's high watermark, no extra
 * broker call); a partition taken away at a rebalance, or by the consumer closing, loses its gauge, so a series
 * stops rather than freezing at its last value.
 */
final class ConsumerLag {

    private final MeterRegistry registry;
    private final String consumerName;
    private final Map<TopicPartition, Tracked> partitions = new ConcurrentHashMap<>();

    ConsumerLag(MeterRegistry registry, String consumerName) {
        this.registry = registry;
        this.consumerName = consumerName;
    }

    /** Records the lag of every partition assigned to {@code consumer} whose lag it knows. */
    void update(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                partitions.computeIfAbsent(partition, this::track).value().set(lag.getAsLong());
            }
        }
    }

    /** Drops the gauges of partitions this consumer no longer holds. */
    void forget(Collection<TopicPartition> gone) {
        for (TopicPartition partition : gone) {
            Tracked tracked = partitions.remove(partition);
            if (tracked != null) {
                registry.remove(tracked.gauge());
            }
        }
    }

    void forgetAll() {
        forget(List.copyOf(partitions.keySet()));
    }

    private Tracked track(TopicPartition partition) {
        AtomicLong value = new AtomicLong();
        Gauge gauge = Gauge.builder(PlatformMetrics.CONSUMER_LAG, value, AtomicLong::get)
                .description("Records behind the log end, per assigned partition")
                .tag("consumer", consumerName)
                .tag("topic", partition.topic())
                .tag("partition", Integer.toString(partition.partition()))
                .strongReference(true)
                .register(registry);
        return new Tracked(value, gauge);
    }

    private record Tracked(AtomicLong value, Gauge gauge) {
    }
}
