package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.pve.caseplatform.support.kafka.parking.ParkedSequences;
import org.pve.caseplatform.support.kafka.parking.ParkingSettings;
import org.pve.caseplatform.support.kafka.parking.RetryOutcome;
import org.pve.caseplatform.support.sharding.DistrictShard;

/**
 * Tracks domain-event topics in a consumer group and hands each record, read as a {@link DeliveredEvent}, to a
 * handler, with the guarantees of {@link KafkaRecordLoop}: nothing skipped across restarts, failures retried. Each
 * event handled is counted and timed from its occurredAt ({@link ConsumedEvents}), under the processor's name.
 * Pinned to a {@link DistrictShard} before it starts, it consumes in that shard's group and commits the records of
 * other shards' districts unhandled, judged by their districtId header alone (ADR 0010).
 */
public class KafkaEventProcessor implements AutoCloseable {

    private final KafkaRecordLoop<String> loop;
    private final Properties consumerProperties;
    private volatile DistrictShard shard = DistrictShard.everything();

    public KafkaEventProcessor(String name, Collection<String> topics, Properties consumerProperties,
                               DeliveredEventHandler handler, MeterRegistry registry) {
        this.consumerProperties = consumerProperties;
        ConsumedEvents consumed = new ConsumedEvents(registry, name, Clock.systemUTC());
        this.loop = new KafkaRecordLoop<>(name, topics, () -> consumerInShard(consumerProperties), record -> {
            if (!shard.handles(record.headers())) {
                return; // another shard's district: committed, not handled
            }
            DeliveredEvent event = DeliveredEvent.from(record);
            handler.handle(event);
            consumed.handled(event);
        }, registry);
    }

    public String name() {
        return loop.name();
    }

    /**
     * Parks the cases whose records keep failing for a reason of their own (ADR 0011), instead of retrying them
     * forever; the platform's messaging configuration calls it before the processor starts.
     */
    public void parkIn(ParkedSequences store, ParkingSettings settings) {
        loop.parkIn(store, settings, () -> consumerWith(consumerProperties, reader -> {
            reader.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigns and seeks, never commits
            reader.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerProperties.getProperty(ConsumerConfig.CLIENT_ID_CONFIG,
                    name()) + "-parked");
        }));
    }

    /** Retries a parked case of this processor between two of its batches. */
    public CompletableFuture<RetryOutcome> retryParked(String caseId) {
        return loop.retryParked(caseId);
    }

    /** Works for {@code shard} only from its start on: in the shard's consumer group, on its districts' records. */
    public void pin(DistrictShard shard) {
        if (loop.isRunning()) {
            throw new IllegalStateException(name() + " is running already; pin it before it starts");
        }
        this.shard = shard;
    }

    private KafkaConsumer<String, String> consumerInShard(Properties consumerProperties) {
        return consumerWith(consumerProperties, inShard -> inShard.put(ConsumerConfig.GROUP_ID_CONFIG,
                shard.groupId(consumerProperties.getProperty(ConsumerConfig.GROUP_ID_CONFIG))));
    }

    /** A consumer with the processor's settings, as {@code adjust} changes a copy of them. */
    private static KafkaConsumer<String, String> consumerWith(Properties base,
                                                             Consumer<Properties> adjust) {
        Properties properties = new Properties();
        properties.putAll(base);
        adjust.accept(properties);
        return new KafkaConsumer<>(properties);
    }

    public void start() {
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
    }
}
