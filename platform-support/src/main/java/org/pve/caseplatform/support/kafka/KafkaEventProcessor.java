package org.pve.caseplatform.support.kafka;

import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Tracks domain-event topics in a consumer group and hands each record, read as a {@link DeliveredEvent}, to a
 * handler, with the guarantees of {@link KafkaRecordLoop}: nothing skipped across restarts, failures retried.
 */
public class KafkaEventProcessor implements AutoCloseable {

    private final KafkaRecordLoop<String> loop;

    public KafkaEventProcessor(String name, Collection<String> topics, Properties consumerProperties,
                               DeliveredEventHandler handler) {
        this.loop = new KafkaRecordLoop<>(name, topics, () -> new KafkaConsumer<>(consumerProperties),
                record -> handler.handle(DeliveredEvent.from(record)));
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
