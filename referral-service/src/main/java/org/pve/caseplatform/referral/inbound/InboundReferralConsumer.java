package org.pve.caseplatform.referral.inbound;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tracks the inbound topic in its consumer group and hands each message, in partition order, to the handler; the
 * position is committed once the message is taken or dead-lettered, and the consumer goes on. A message whose
 * handling fails (MongoDB or Kafka unavailable) is tried again, after pauses growing to 30 s, and is never skipped
 * or dead-lettered for it. Nothing here logs a message body: it is plaintext personal data.
 */
final class InboundReferralConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundReferralConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Runnable beforeStart;
    private final InboundReferralHandler handler;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread worker;
    private int failuresInARow;

    /** {@code beforeStart} runs once in {@link #start()}, before anything is consumed (it creates the topics). */
    InboundReferralConsumer(String topic, Supplier<Consumer<String, byte[]>> consumers, Runnable beforeStart,
                            InboundReferralHandler handler) {
        this.topic = topic;
        this.consumers = consumers;
        this.beforeStart = beforeStart;
        this.handler = handler;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        beforeStart.run();
        running = true;
        worker = new Thread(this::run, "kafka-inbound-referrals");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
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

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Consumer<String, byte[]> kafka = consumers.get()) {
                consumer = kafka;
                kafka.subscribe(List.of(topic));
                while (running) {
                    processBatch(kafka, kafka.poll(Duration.ofMillis(500)));
                }
            } catch (WakeupException e) {
                log.debug("inbound consumer woken up to stop");
            } catch (RuntimeException e) {
                log.warn("inbound consumer failed, reconnecting: {}", describe(e));
                pause(FIRST_RETRY);
            } finally {
                consumer = null;
            }
        }
    }

    private void processBatch(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!handled(record)) {
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

    /** True when the message is done with (taken or dead-lettered); false when it is to be tried again. */
    private boolean handled(ConsumerRecord<String, byte[]> record) {
        try {
            handler.handle(record);
            failuresInARow = 0;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } catch (Exception e) {
            failuresInARow++;
            Duration delay = retryDelay();
            log.warn("inbound referral at {}/{}@{} not handled, trying again in {}: {}", record.topic(),
                    record.partition(), record.offset(), delay, describe(e));
            pause(delay);
            return false;
        }
    }

    private Duration retryDelay() {
        long millis = FIRST_RETRY.toMillis() << Math.min(failuresInARow - 1, 5);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    /** The classes of a failure and its causes only: their messages might quote what was sent. */
    private static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(cause.getClass().getName());
        }
        return chain.toString();
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
