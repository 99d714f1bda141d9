package org.pve.caseplatform.support.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pve.caseplatform.support.sharding.DistrictShard;

/**
 * One durable deadline store (ADR 0006), the mechanism every service's deadlines share: one document per deadline
 * with its district, {@code dueAt} (the exact instant), {@code dueAtMillis} (for queries) and {@code fired}, plus
 * the fields of its kind; scheduled once (a command or event handled twice does not move it), polled for what is due,
 * marked fired once, with the meters of {@link DeadlineMetrics}. Each instance polls the deadlines of its own
 * {@link DistrictShard} (ADR 0010), so a pinned instance fires its districts' deadlines and no others.
 */
public final class DeadlineStore {

    private static final String SUBJECT_MISSED = "subjectMissed";

    private final MongoCollection<Document> deadlines;
    private final DeadlineMetrics metrics;

    /** @param kindOf a deadline's kind for the meters, reading {@code kindFields} of its document */
    public DeadlineStore(MongoCollection<Document> deadlines, MeterRegistry registry,
                         Function<Document, String> kindOf, String... kindFields) {
        this.deadlines = deadlines;
        this.deadlines.createIndex(Indexes.ascending("fired", "dueAtMillis"));
        this.metrics = new DeadlineMetrics(registry, deadlines, kindOf, kindFields);
    }

    /** Records the deadline with its own {@code fields} unless one with the id is already there. */
    public void schedule(String id, String districtId, Instant dueAt, Document fields) {
        List<Bson> onInsert = new ArrayList<>();
        fields.forEach((name, value) -> onInsert.add(Updates.setOnInsert(name, value)));
        onInsert.add(Updates.setOnInsert(DeadlineMetrics.DISTRICT, districtId));
        onInsert.add(Updates.setOnInsert("dueAtMillis", dueAt.toEpochMilli()));
        onInsert.add(Updates.setOnInsert("dueAt", dueAt.toString()));
        onInsert.add(Updates.setOnInsert("fired", false));
        deadlines.updateOne(Filters.eq("_id", id), Updates.combine(onInsert), new UpdateOptions().upsert(true));
    }

    /**
     * The deadlines of the shard's districts due at {@code now} that have not fired yet, earliest first, each read by
     * {@code read}.
     */
    public <T> List<T> due(Instant now, DistrictShard shard, int limit, Function<Document, T> read) {
        List<Bson> due = new ArrayList<>(List.of(Filters.eq("fired", false),
                Filters.lte("dueAtMillis", now.toEpochMilli())));
        shard.filter(DeadlineMetrics.DISTRICT).ifPresent(due::add);
        List<T> found = new ArrayList<>();
        deadlines.find(Filters.and(due)).sort(Indexes.ascending("dueAtMillis")).limit(limit)
                .forEach(document -> found.add(read.apply(document)));
        return found;
    }

    /** Marks the deadline fired; counts it the first time only, so a second instance firing it too adds nothing. */
    public void markFired(String id, Instant firedAt) {
        metrics.markFired(id, firedAt);
    }

    /** Recounts the pending and overdue gauges as of {@code now}. */
    public void measure(Instant now) {
        metrics.refresh(now);
    }

    /**
     * Drops a deadline whose subject was not found when it fell due (the command that would have created it failed),
     * but only when a previous poll missed it too: a deadline already due when it is written can be polled before the
     * command that wrote it has committed its subject, and must then fire at the next poll rather than vanish.
     *
     * @return true if dropped, false if only marked as missed once
     */
    public boolean dropOnSecondMiss(String id) {
        Document firstMiss = deadlines.findOneAndUpdate(Filters.and(Filters.eq("_id", id),
                Filters.ne(SUBJECT_MISSED, true)), Updates.set(SUBJECT_MISSED, true));
        if (firstMiss != null) {
            return false;
        }
        deadlines.deleteOne(Filters.eq("_id", id));
        return true;
    }

    /** The deadline's document, or null. */
    public Document find(String id) {
        return deadlines.find(Filters.eq("_id", id)).first();
    }
}
