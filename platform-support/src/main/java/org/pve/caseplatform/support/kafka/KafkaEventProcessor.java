package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.pve.caseplatform.support.kafka.parking.ParkedSequences;
import org.pve.caseplatform.support.kafka.parking.ParkingSettings;
import org.pve.caseplatform.support.kafka.parking.RetryOutcome;

/**
 * Tracks domain-event topics in a consumer group and hands each record, read as a {@link DeliveredEvent}, to a
 * handler, with the guarantees of {@link KafkaRecordLoop}: nothing skipped across restarts, failures retried. Each
 * event handled is counted and timed from its occurredAt ({@link ConsumedEvents}), under the processor's name.
 */
public class KafkaEventProcessor implements AutoCloseable {

    private final KafkaRecordLoop<String> loop;
    private final Properties consumerProperties;

    public KafkaEventProcessor(String name, Collection<String> topics, Properties consumerProperties,
                               DeliveredEventHandler handler, MeterRegistry registry) {
        this.consumerProperties = consumerProperties;
        ConsumedEvents consumed = new ConsumedEvents(registry, name, Clock.systemUTC());
        this.loop = new KafkaRecordLoop<>(name, topics, () -> new KafkaConsumer<>(consumerProperties), record -> {
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
        loop.parkIn(store, settings, () -> {
            Properties reader = new Properties();
            reader.putAll(consumerProperties);
            reader.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigns and seeks, never commits
            reader.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerProperties.getProperty(ConsumerConfig.CLIENT_ID_CONFIG,
                    name()) + "-parked");
            return new KafkaConsumer<>(reader);
        });
    }

    /** Retries a parked case of this processor between two of its batches. */
    public CompletableFuture<RetryOutcome> retryParked(String caseId) {
        return loop.retryParked(caseId);
    }

    public void start() {
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
    }
}
