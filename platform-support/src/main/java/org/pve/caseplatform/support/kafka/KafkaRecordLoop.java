package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.pve.caseplatform.contract.upcasting.UnknownEventRevision;
import org.pve.caseplatform.support.kafka.parking.ParkedSequences;
import org.pve.caseplatform.support.kafka.parking.ParkingSettings;
import org.pve.caseplatform.support.kafka.parking.RetryOutcome;
import org.pve.caseplatform.support.kafka.parking.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks topics in a consumer group and hands each record, in partition order, to a handler. A position is
 * committed only once the handler finished with the record, so a restart resumes after the last handled record and
 * skips nothing; what was handled but not yet committed comes again, which idempotent handlers absorb. A record
 * whose handler fails is tried again, after pauses growing from 1 s to 30 s, while its partition waits: never
 * skipped. Logs name a failure's classes and the record's position only, never its content (it may be personal).
 * After each batch it records how far behind the log end each of its partitions is ({@link ConsumerLag}).
 * A record of an event revision newer than this build knows ({@link UnknownEventRevision}) is a deployment error,
 * not a poison message: the loop stops where it is, without committing past the record, logs the error and sets
 * {@code platform.consumer.stopped} for its name to 1, so an alert calls for the consumer's new version; once that
 * runs, it resumes at the same record.
 * <p>
 * Parked in a {@link ParkedSequences} store ({@link #parkIn}), a record that fails for a reason of its own, not a
 * transient one ({@link TransientFailures}), is tried a few times more and then its case is parked: set aside with
 * the reason, its later records queued behind it, while the partition goes on with the other cases (ADR 0011). A
 * retry asked for ({@link #retryParked}) runs in the loop's thread between two batches.
 *
 * @param <V> the record value type
 */
public final class KafkaRecordLoop<V> implements AutoCloseable {

    /** Handles one record; throwing means "try again". */
    @FunctionalInterface
    public interface RecordHandler<V> {
        void handle(ConsumerRecord<String, V> record) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(KafkaRecordLoop.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final String name;
    private final List<String> topics;
    private final Supplier<Consumer<String, V>> consumers;
    private final RecordHandler<V> handler;
    private final ConsumerLag lag;
    private final AtomicInteger stopped = new AtomicInteger();
    private volatile UnknownEventRevision stoppedBy;
    private volatile boolean running;
    private volatile Consumer<String, V> consumer;
    private final MeterRegistry registry;
    private volatile CaseParking<V> parking;
    private Thread worker;
    private int failuresInARow;

    public KafkaRecordLoop(String name, Collection<String> topics, Supplier<Consumer<String, V>> consumers,
                           RecordHandler<V> handler, MeterRegistry registry) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.consumers = consumers;
        this.handler = handler;
        this.lag = new ConsumerLag(registry, name);
        this.registry = registry;
        Gauge.builder("platform.consumer.stopped", stopped, AtomicInteger::get)
                .description("1 once the consumer stopped on an event revision newer than it knows")
                .tag("consumer", name).register(registry);
    }

    /**
     * Parks the cases of records that keep failing for a reason of their own in {@code store}, reading them again
     * for a retry with consumers from {@code readers} (no group: they only assign and seek). Before {@link #start}.
     */
    public synchronized void parkIn(ParkedSequences store, ParkingSettings settings,
                                    Supplier<Consumer<String, V>> readers) {
        if (running) {
            throw new IllegalStateException(name + " is running already");
        }
        parking = new CaseParking<>(name, store, settings, readers, registry);
    }

    /** Retries a parked case of this consumer in the loop's thread; completes once it did (or the loop stopped). */
    public CompletableFuture<RetryOutcome> retryParked(String caseId) {
        CaseParking<V> current = parking;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(name + " parks nothing"));
        }
        CompletableFuture<RetryOutcome> outcome = current.requestRetry(caseId);
        if (!running) {
            current.refuseRetries();
        }
        return outcome;
    }

    /** The deployment error the loop stopped on, if it did. */
    public Optional<UnknownEventRevision> stoppedBy() {
        return Optional.ofNullable(stoppedBy);
    }

    public String name() {
        return name;
    }

    public boolean isRunning() {
        return running;
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
        Consumer<String, V> current = consumer;
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
            try (Consumer<String, V> kafka = consumers.get()) {
                consumer = kafka;
                kafka.subscribe(topics, new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        lag.forget(partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        if (parking != null) {
                            parking.reload(); // another instance may have parked cases of these partitions
                        }
                    }
                });
                while (running) {
                    processBatch(kafka, kafka.poll(Duration.ofMillis(500)));
                    if (parking != null && running) {
                        parking.serveRetries(handler);
                    }
                    lag.update(kafka);
                }
            } catch (WakeupException e) {
                log.debug("{} woken up to stop", name);
            } catch (RuntimeException e) {
                log.warn("{} consumer failed, reconnecting: {}", name, describe(e));
                pause(FIRST_RETRY);
            } finally {
                consumer = null;
                lag.forgetAll();
            }
        }
        if (parking != null) {
            parking.refuseRetries();
        }
    }

    private void processBatch(Consumer<String, V> kafka, ConsumerRecords<String, V> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, V> record : records.records(partition)) {
                if (!handled(record)) {
                    kafka.seek(partition, record.offset());
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
            if (!running) {
                break; // stopped: what was handled is committed, nothing more is handled
            }
        }
        if (!done.isEmpty()) {
            kafka.commitSync(done);
        }
    }

    private boolean handled(ConsumerRecord<String, V> record) {
        try {
            if (parking != null && parking.queuedBehindParkedCase(record)) {
                return true;
            }
            handler.handle(record);
            failuresInARow = 0;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } catch (Exception e) {
            Optional<UnknownEventRevision> newer = unknownRevision(e);
            if (newer.isPresent()) {
                stoppedBy = newer.get();
                stopped.set(1);
                running = false;
                log.error("{} STOPPED at {}/{}@{}: {}", name, record.topic(), record.partition(), record.offset(),
                        newer.get().getMessage());
                return false;
            }
            if (parking != null && !TransientFailures.isTransient(e) && parking.canPark(record)) {
                if (parking.parkedAfterAttempts(record, e)) {
                    return true;
                }
                pause(parking.settings().pause());
                return false;
            }
            failuresInARow++;
            Duration delay = retryDelay();
            log.warn("{} could not handle the record at {}/{}@{}, trying again in {}: {}", name, record.topic(),
                    record.partition(), record.offset(), delay, describe(e));
            pause(delay);
            return false;
        }
    }

    private static Optional<UnknownEventRevision> unknownRevision(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownEventRevision newer) {
                return Optional.of(newer);
            }
        }
        return Optional.empty();
    }

    private Duration retryDelay() {
        long millis = FIRST_RETRY.toMillis() << Math.min(failuresInARow - 1, 5);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    /** The classes of a failure and its causes only: their messages might quote what was sent. */
    static String describe(Throwable failure) {
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
