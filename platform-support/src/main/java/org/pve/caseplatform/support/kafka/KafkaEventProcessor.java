package org.pve.caseplatform.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks Kafka topics in a consumer group and hands each record, in partition order, to a handler. The position is
 * committed only after the handler finished, so a restart resumes after the last handled record and skips nothing;
 * what was handled but not yet committed comes again, which idempotent handlers absorb. A record whose handler
 * fails is retried (the partition waits) rather than passed over.
 */
public class KafkaEventProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventProcessor.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final String name;
    private final Collection<String> topics;
    private final Properties consumerProperties;
    private final DeliveredEventHandler handler;
    private volatile boolean running;
    private volatile Consumer<String, String> consumer;
    private Thread worker;

    public KafkaEventProcessor(String name, Collection<String> topics, Properties consumerProperties,
                               DeliveredEventHandler handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.consumerProperties = consumerProperties;
        this.handler = handler;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "kafka-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void close() {
        running = false;
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (Consumer<String, String> kafka = new KafkaConsumer<>(consumerProperties)) {
                consumer = kafka;
                kafka.subscribe(topics);
                while (running) {
                    processBatch(kafka, kafka.poll(Duration.ofMillis(500)));
                }
            } catch (WakeupException e) {
                log.debug("{} woken up to stop", name);
            } catch (RuntimeException e) {
                log.warn("{} consumer failed, reconnecting: {}", name, e.toString());
                pause(RETRY_DELAY);
            } finally {
                consumer = null;
            }
        }
    }

    private void processBatch(Consumer<String, String> kafka, ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (!handle(record)) {
                    kafka.seek(partition, record.offset());
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            kafka.commitSync(done);
        }
    }

    private boolean handle(ConsumerRecord<String, String> record) {
        try {
            handler.handle(DeliveredEvent.from(record));
            return true;
        } catch (Exception e) {
            log.warn("{} could not handle the record at {}/{}@{} (will retry): {}", name, record.topic(),
                    record.partition(), record.offset(), e.toString());
            pause(RETRY_DELAY);
            return false;
        }
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
