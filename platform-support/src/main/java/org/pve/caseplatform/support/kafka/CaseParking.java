package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.support.kafka.KafkaRecordLoop.RecordHandler;
import org.pve.caseplatform.support.kafka.parking.ParkedPosition;
import org.pve.caseplatform.support.kafka.parking.ParkedSequence;
import org.pve.caseplatform.support.kafka.parking.ParkedSequences;
import org.pve.caseplatform.support.kafka.parking.ParkingSettings;
import org.pve.caseplatform.support.kafka.parking.RetryOutcome;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parking of one {@link KafkaRecordLoop}: which of its cases are parked (kept in MongoDB, cached here and
 * reloaded whenever partitions are assigned), setting a failed case aside with later records queued behind it, and
 * the retries an operator asks for. Everything but {@link #requestRetry} runs in the loop's own thread, so a retry
 * never races a new record of the same case.
 */
final class CaseParking<V> {

    private static final Logger log = LoggerFactory.getLogger(CaseParking.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private record RetryRequest(String caseId, CompletableFuture<RetryOutcome> outcome) {
    }

    private final String consumer;
    private final ParkedSequences store;
    private final ParkingSettings settings;
    private final Supplier<Consumer<String, V>> readers;
    private final MeterRegistry registry;
    private final Set<String> parked = new HashSet<>();
    private final AtomicInteger parkedCount = new AtomicInteger();
    private final Queue<RetryRequest> retries = new ConcurrentLinkedQueue<>();
    private ConsumerRecord<String, V> failing;
    private int failedAttempts;

    CaseParking(String consumer, ParkedSequences store, ParkingSettings settings,
                Supplier<Consumer<String, V>> readers, MeterRegistry registry) {
        this.consumer = consumer;
        this.store = store;
        this.settings = settings;
        this.readers = readers;
        this.registry = registry;
        Gauge.builder(PlatformMetrics.PARKED_SEQUENCES, parkedCount, AtomicInteger::get)
                .description("Cases whose records a consumer has parked after a failure of their own")
                .tag("consumer", consumer).register(registry);
    }

    ParkingSettings settings() {
        return settings;
    }

    void reload() {
        parked.clear();
        parked.addAll(store.casesOf(consumer));
        parkedCount.set(parked.size());
    }

    /** Queues the record behind its parked case; false when its case is not parked (or no longer is). */
    boolean queuedBehindParkedCase(ConsumerRecord<String, V> record) {
        if (record.key() == null || !parked.contains(record.key())) {
            return false;
        }
        if (store.append(consumer, record.key(), ParkedPosition.of(record))) {
            log.info("{} queued {} behind its parked case", consumer, ParkedPosition.of(record).describe());
            return true;
        }
        forget(record.key()); // drained meanwhile (by a retry on another instance): the case flows again
        return false;
    }

    /** Whether a failing record's case can be parked at all: it needs a key (the case) to keep the order by. */
    boolean canPark(ConsumerRecord<String, V> record) {
        return record.key() != null;
    }

    /**
     * Counts a failure of the record for a reason of its own; once it failed {@code attempts} times in a row, parks
     * its case. True once parked; false when the loop is to pause and try the record again.
     */
    boolean parkedAfterAttempts(ConsumerRecord<String, V> record, Exception failure) {
        boolean same = failing != null && failing.topic().equals(record.topic())
                && failing.partition() == record.partition() && failing.offset() == record.offset();
        failedAttempts = same ? failedAttempts + 1 : 1;
        failing = record;
        if (failedAttempts < settings.attempts()) {
            log.warn("{} could not handle the record at {} (attempt {} of {}): {}", consumer,
                    ParkedPosition.of(record).describe(), failedAttempts, settings.attempts(),
                    KafkaRecordLoop.describe(failure));
            return false;
        }
        try {
            park(record, failure, failedAttempts);
            failing = null;
            return true;
        } catch (RuntimeException e) {
            log.warn("{} could not park the case of the record at {}, trying again: {}", consumer,
                    ParkedPosition.of(record).describe(), KafkaRecordLoop.describe(e));
            return false;
        }
    }

    private void park(ConsumerRecord<String, V> record, Throwable failure, int attempts) {
        ParkedPosition position = ParkedPosition.of(record);
        String reason = reason(position, failure, attempts);
        store.park(consumer, record.key(), ParkedPosition.header(record, EventHeaders.DISTRICT_ID), reason, position);
        parked.add(record.key());
        parkedCount.set(parked.size());
        Counter.builder(PlatformMetrics.DEAD_LETTERS).description("Records sent to a dead-letter topic")
                .tag("topic", record.topic()).tag("reason", "parked").register(registry).increment();
        log.warn("{} PARKED the case of the record at {}: {}", consumer, position.describe(), reason);
    }

    /** Asks the loop to retry a parked case between two batches; answered once it has. */
    CompletableFuture<RetryOutcome> requestRetry(String caseId) {
        CompletableFuture<RetryOutcome> outcome = new CompletableFuture<>();
        retries.add(new RetryRequest(caseId, outcome));
        return outcome;
    }

    /** Serves the retries asked for, in the loop's thread; the handler is the loop's own. */
    void serveRetries(RecordHandler<V> handler) {
        RetryRequest request;
        while ((request = retries.poll()) != null) {
            try {
                request.outcome().complete(retry(request.caseId(), handler));
            } catch (RuntimeException e) {
                log.warn("{} could not retry a parked case: {}", consumer, KafkaRecordLoop.describe(e));
                request.outcome().completeExceptionally(e);
            }
        }
    }

    /** Fails what is still asked for when the loop stops. */
    void refuseRetries() {
        RetryRequest request;
        while ((request = retries.poll()) != null) {
            request.outcome().completeExceptionally(new IllegalStateException(consumer + " is not running"));
        }
    }

    private RetryOutcome retry(String caseId, RecordHandler<V> handler) {
        Optional<ParkedSequence> sequence = store.find(consumer, caseId);
        int handled = 0;
        try (Consumer<String, V> reader = readers.get()) {
            while (sequence.isPresent()) {
                List<ParkedPosition> positions = sequence.get().positions();
                for (; handled < positions.size(); handled++) {
                    ParkedPosition position = positions.get(handled);
                    try {
                        handler.handle(read(reader, position));
                    } catch (Exception e) {
                        String reason = reason(position, e, 1) + " (on retry)";
                        store.keepFrom(consumer, caseId, handled, reason);
                        log.warn("{} retried a parked case; still parked at {}: {}", consumer, position.describe(),
                                reason);
                        return RetryOutcome.stillParked(consumer, caseId, reason, handled, positions.size() - handled);
                    }
                }
                if (store.removeIfNoMoreThan(consumer, caseId, handled)) {
                    break;
                }
                sequence = store.find(consumer, caseId); // records were queued meanwhile: handle them too
            }
        }
        forget(caseId);
        log.info("{} drained a parked case: {} record(s) handled", consumer, handled);
        return RetryOutcome.drained(consumer, caseId, handled);
    }

    private ConsumerRecord<String, V> read(Consumer<String, V> reader, ParkedPosition position) {
        TopicPartition partition = new TopicPartition(position.topic(), position.partition());
        reader.assign(List.of(partition));
        reader.seek(partition, position.offset());
        Instant giveUp = Instant.now().plus(READ_TIMEOUT);
        while (Instant.now().isBefore(giveUp)) {
            for (ConsumerRecord<String, V> record : reader.poll(Duration.ofMillis(500)).records(partition)) {
                if (record.offset() == position.offset()) {
                    return record;
                }
                if (record.offset() > position.offset()) {
                    throw new IllegalStateException("no record at " + position.describe() + " any more");
                }
            }
        }
        throw new IllegalStateException("the record at " + position.describe() + " could not be read in time");
    }

    private void forget(String caseId) {
        parked.remove(caseId);
        parkedCount.set(parked.size());
    }

    private static String reason(ParkedPosition position, Throwable failure, int attempts) {
        return position.eventType() + " (revision " + position.eventRevision() + ") failed " + attempts
                + (attempts == 1 ? " time: " : " times: ") + KafkaRecordLoop.describe(failure);
    }
}
