package org.pve.caseplatform.support.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.bson.Document;
import org.pve.caseplatform.support.metrics.PlatformMetrics;

/**
 * The meters of one durable deadline store (ADR 0006): the gauges {@value PlatformMetrics#DEADLINES_PENDING}
 * (not fired, not yet due) and {@value PlatformMetrics#DEADLINES_OVERDUE} (due and not fired yet), per kind and
 * district, and the counter {@value PlatformMetrics#DEADLINES_FIRED}, counted as {@link #markFired} marks one. Every store keeps one document per deadline
 * with {@code fired}, {@code dueAtMillis} and {@code districtId}; {@code kindOf} reads a document's kind. The gauges
 * hold the counts of the last {@link #refresh(Instant)}, which the store's poller calls after each poll, so a scrape
 * never queries MongoDB; a kind and district once seen stays at 0 rather than vanishing.
 */
public final class DeadlineMetrics {

    public static final String DISTRICT = "districtId";

    private final MeterRegistry registry;
    private final MongoCollection<Document> deadlines;
    private final Function<Document, String> kindOf;
    private final String[] kindFields;
    private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<Key, AtomicLong> overdue = new ConcurrentHashMap<>();

    /**
     * @param kindFields the fields {@code kindOf} reads, fetched along with the district and due time
     */
    public DeadlineMetrics(MeterRegistry registry, MongoCollection<Document> deadlines,
                           Function<Document, String> kindOf, String... kindFields) {
        this.registry = registry;
        this.deadlines = deadlines;
        this.kindOf = kindOf;
        this.kindFields = kindFields.clone();
    }

    /**
     * Marks a deadline fired (with {@code firedAt}) unless it already is, and counts it then: a second instance
     * firing the same deadline changes and counts nothing.
     */
    public void markFired(String id, Instant firedAt) {
        Document before = deadlines.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("fired", false)),
                Updates.combine(Updates.set("fired", true), Updates.set("firedAt", firedAt.toString())));
        if (before != null) {
            fired(before);
        }
    }

    private void fired(Document deadline) {
        Counter.builder(PlatformMetrics.DEADLINES_FIRED)
                .description("Durable deadlines fired (each once)")
                .tag("kind", kindOf.apply(deadline))
                .tag("district", PlatformMetrics.orUnknown(deadline.getString(DISTRICT)))
                .register(registry)
                .increment();
    }

    /** Recounts the deadlines not fired yet: pending if due after {@code now}, else overdue. */
    public void refresh(Instant now) {
        Map<Key, Long> notDue = new HashMap<>();
        Map<Key, Long> due = new HashMap<>();
        long nowMillis = now.toEpochMilli();
        String[] fields = new String[kindFields.length + 2];
        fields[0] = DISTRICT;
        fields[1] = "dueAtMillis";
        System.arraycopy(kindFields, 0, fields, 2, kindFields.length);
        for (Document deadline : deadlines.find(Filters.eq("fired", false)).projection(Projections.include(fields))) {
            Key key = new Key(kindOf.apply(deadline), PlatformMetrics.orUnknown(deadline.getString(DISTRICT)));
            Number dueAt = (Number) deadline.get("dueAtMillis");
            (dueAt != null && dueAt.longValue() > nowMillis ? notDue : due).merge(key, 1L, Long::sum);
        }
        Set<Key> seen = new HashSet<>(notDue.keySet());
        seen.addAll(due.keySet());
        publish(pending, notDue, seen, PlatformMetrics.DEADLINES_PENDING, "Deadlines scheduled and not yet due");
        publish(overdue, due, seen, PlatformMetrics.DEADLINES_OVERDUE, "Deadlines past due and not fired yet");
    }

    /** Both gauges exist for every kind and district seen, so an overdue count of 0 is a series, not a gap. */
    private void publish(Map<Key, AtomicLong> gauges, Map<Key, Long> counts, Set<Key> seen, String name,
                         String description) {
        seen.forEach(key -> gauges.computeIfAbsent(key, k -> register(name, description, k)));
        gauges.forEach((key, value) -> value.set(counts.getOrDefault(key, 0L)));
    }

    private AtomicLong register(String name, String description, Key key) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag("kind", key.kind())
                .tag("district", key.district())
                .strongReference(true)
                .register(registry);
        return value;
    }

    private record Key(String kind, String district) {
    }
}
