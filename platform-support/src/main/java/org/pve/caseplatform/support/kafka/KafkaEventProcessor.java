package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Tracks domain-event topics in a consumer group and hands each record, read as a {@link DeliveredEvent}, to a
 * handler, with the guarantees of {@link KafkaRecordLoop}: nothing skipped across restarts, failures retried. Each
 * event handled is counted and timed from its occurredAt ({@link ConsumedEvents}), under the processor's name.
 */
public class KafkaEventProcessor implements AutoCloseable {

    private final KafkaRecordLoop<String> loop;

    public KafkaEventProcessor(String name, Collection<String> topics, Properties consumerProperties,
                               DeliveredEventHandler handler, MeterRegistry registry) {
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

    public void start() {
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
    }
}
