package org.pve.caseplatform.support.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every stored domain event to its Kafka topic, at least once and in each case's order. It looks for
 * events still marked unpublished rather than following a position in time, so an event written late (a long pause,
 * a second instance, clock skew) or while Kafka was down is published as soon as it can be. An event is marked
 * published only after the broker acknowledged it; a crash in between sends it again with the same messageId.
 * Each acknowledged send is counted ({@value PlatformMetrics#EVENTS_PUBLISHED}, by event type and district); a
 * resend after a crash counts again, as it is published again.
 *
 * <p>To find pending events it reads the ids this JVM's event store noted ({@link PendingPublications}) by
 * {@code _id}, and scans the collection for {@code published: false} on a slower beat ({@value #SCAN_EVERY_POLLS}
 * poll intervals) and at its first pass: the scan finds what no hint names (another instance's events, one whose send
 * failed). A MongoDB-wire server without secondary indexes would otherwise scan every stored event per command.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String AGGREGATE = "aggregateIdentifier";
    private static final String SEQUENCE = "sequenceNumber";
    static final int SCAN_EVERY_POLLS = 25;

    private final MongoCollection<Document> events;
    private final PublicationLease lease;
    private final Producer<String, String> producer;
    private final StoredEventConverter converter;
    private final Duration pollInterval;
    private final int batchSize;
    private final Clock clock;
    private final MeterRegistry registry;
    private final PendingPublications hints;
    private final long scanEveryNanos;
    private long lastScanNanos;
    private boolean scanned;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoCollection<Document> events, PublicationLease lease, Producer<String, String> producer,
                       StoredEventConverter converter, Duration pollInterval, int batchSize, Clock clock,
                       MeterRegistry registry) {
        this.events = events;
        this.lease = lease;
        this.producer = producer;
        this.converter = converter;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.clock = clock;
        this.registry = registry;
        this.hints = PendingPublications.of(events.getNamespace());
        this.scanEveryNanos = pollInterval.multipliedBy(SCAN_EVERY_POLLS).toNanos();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the relay to look now rather than at its next poll, e.g. right after a command stored events. */
    public void wakeUp() {
        wakeUp.release();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (worker != null) {
            wakeUp.release();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lease.release();
        }
    }

    private void run() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                boolean more = lease.tryAcquire() && publishPending() == batchSize;
                backoff = pollInterval;
                if (!more) {
                    awaitWork(pollInterval);
                }
            } catch (RuntimeException e) {
                log.warn("publishing paused, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                awaitWork(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private void awaitWork(Duration wait) {
        try {
            if (wakeUp.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** One pass: publishes what is pending and publishable; returns how many pending events it looked at. */
    int publishPending() {
        long now = System.nanoTime();
        if (!scanned || now - lastScanNanos >= scanEveryNanos) {
            scanned = true;
            lastScanNanos = now;
            return publish(events.find(eq(OutboxStorageStrategy.PUBLISHED, false))
                    .sort(Sorts.ascending("timestamp", SEQUENCE))
                    .limit(batchSize)
                    .into(new ArrayList<>()));
        }
        List<PendingPublications.Hint> taken = hints.take(batchSize);
        if (taken.isEmpty()) {
            return 0;
        }
        Map<ObjectId, Document> found = new LinkedHashMap<>();
        events.find(in("_id", taken.stream().map(PendingPublications.Hint::id).toList()))
                .forEach(event -> found.put(event.getObjectId("_id"), event));
        for (PendingPublications.Hint hint : taken) {
            if (!found.containsKey(hint.id()) && now - hint.notedAtNanos() < scanEveryNanos) {
                hints.retry(hint); // not readable yet: the scan takes over once it is older than a scan beat
            }
        }
        List<Document> pending = new ArrayList<>(found.values().stream()
                .filter(event -> Boolean.FALSE.equals(event.getBoolean(OutboxStorageStrategy.PUBLISHED))).toList());
        pending.sort(Comparator.comparing((Document event) -> String.valueOf(event.get("timestamp")))
                .thenComparingLong(OutboxRelay::sequence)); // as the scan sorts: Axon writes ISO-8601 text
        publish(pending);
        return taken.size();
    }

    private int publish(List<Document> pending) {
        Map<String, List<Document>> byAggregate = new LinkedHashMap<>();
        for (Document event : pending) {
            byAggregate.computeIfAbsent(event.getString(AGGREGATE), k -> new ArrayList<>()).add(event);
        }
        List<Deque<Document>> runs = new ArrayList<>();
        for (List<Document> stream : byAggregate.values()) {
            Deque<Document> run = publishableRun(stream);
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        List<ObjectId> sent = new ArrayList<>();
        while (!runs.isEmpty()) {
            sent.addAll(sendWave(runs));
        }
        if (!sent.isEmpty()) {
            events.updateMany(in("_id", sent), Updates.combine(
                    Updates.set(OutboxStorageStrategy.PUBLISHED, true),
                    Updates.set(OutboxStorageStrategy.PUBLISHED_AT, clock.instant().toString())));
        }
        return pending.size();
    }

    /**
     * An aggregate's pending events that may go now, in sequence order: they start right after an event already
     * published (or at the first) and stop at a gap.
     */
    private Deque<Document> publishableRun(List<Document> stream) {
        stream.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
        Deque<Document> run = new ArrayDeque<>();
        long first = sequence(stream.get(0));
        if (first > 0 && !isPublished(stream.get(0).getString(AGGREGATE), first - 1)) {
            return run;
        }
        long expected = first;
        for (Document event : stream) {
            if (sequence(event) != expected++) {
                break;
            }
            run.add(event);
        }
        return run;
    }

    /**
     * Sends the next event of every run at once and waits for the broker: a case's next event goes only after its
     * previous one was acknowledged, so a failed send can never let a later event of the same case overtake it.
     * Runs whose event failed are dropped from this pass; returns the ids acknowledged.
     */
    private List<ObjectId> sendWave(List<Deque<Document>> runs) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(runs.size());
        List<Future<?>> acks = new ArrayList<>(runs.size());
        for (Deque<Document> run : runs) {
            ProducerRecord<String, String> record = converter.toRecord(run.peekFirst());
            records.add(record);
            acks.add(producer.send(record));
        }
        producer.flush();
        List<ObjectId> acknowledged = new ArrayList<>();
        Iterator<Deque<Document>> remaining = runs.iterator();
        Iterator<ProducerRecord<String, String>> sent = records.iterator();
        for (Future<?> ack : acks) {
            Deque<Document> run = remaining.next();
            ProducerRecord<String, String> record = sent.next();
            try {
                ack.get();
                acknowledged.add(run.pollFirst().getObjectId("_id"));
                countPublished(record);
                if (run.isEmpty()) {
                    remaining.remove();
                }
            } catch (ExecutionException e) {
                log.warn("event not acknowledged, will resend: {}", e.getCause().toString());
                remaining.remove();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                remaining.remove();
            }
        }
        return acknowledged;
    }

    private void countPublished(ProducerRecord<String, String> record) {
        Counter.builder(PlatformMetrics.EVENTS_PUBLISHED)
                .description("Events the outbox relay published and Kafka acknowledged")
                .tag("event", PlatformMetrics.orUnknown(header(record, EventHeaders.EVENT_TYPE)))
                .tag("district", PlatformMetrics.orUnknown(header(record, EventHeaders.DISTRICT_ID)))
                .register(registry)
                .increment();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private boolean isPublished(String aggregateId, long sequence) {
        // plain equality on exactly the keys of Axon's unique index, so that even the wire server reads it by index
        Document previous = events.find(new Document(AGGREGATE, aggregateId).append(SEQUENCE, sequence))
                .projection(Projections.include(OutboxStorageStrategy.PUBLISHED))
                .first();
        return previous != null && !Boolean.FALSE.equals(previous.getBoolean(OutboxStorageStrategy.PUBLISHED));
    }

    private static long sequence(Document event) {
        return ((Number) event.get(SEQUENCE)).longValue();
    }
}
