package org.pve.caseplatform.referral.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.schedule.DeadlineMetrics;

/**
 * The referral-service's durable deadlines (MongoDB collection {@code deadlines}): one document per referral's
 * screening deadline, kept across restarts and marked fired once its command went through. Axon's durable deadline
 * managers need SQL, so this small store polled on a schedule stands in (STACK.md). Its meters are those of
 * {@link DeadlineMetrics}, kind {@value #KIND}.
 */
public class ScreeningDeadlines {

    static final String COLLECTION = "deadlines";
    static final String KIND = "screening";
    private static final String PREFIX = "screening-overdue:";

    private final MongoCollection<Document> deadlines;
    private final DeadlineMetrics metrics;

    public ScreeningDeadlines(ServiceDatabase database, MeterRegistry registry) {
        this.deadlines = database.database().getCollection(COLLECTION);
        this.deadlines.createIndex(Indexes.ascending("fired", "dueAtMillis"));
        this.metrics = new DeadlineMetrics(registry, deadlines, deadline -> KIND);
    }

    /** A screening deadline still to fire. */
    public record Deadline(String id, UUID referralId, Instant dueAt) {
    }

    /** Records the deadline unless it is already there: a command handled twice does not move it. */
    public void schedule(UUID referralId, String districtId, Instant dueAt) {
        deadlines.updateOne(Filters.eq("_id", PREFIX + referralId), Updates.combine(
                Updates.setOnInsert("referralId", referralId.toString()),
                Updates.setOnInsert("districtId", districtId),
                Updates.setOnInsert("dueAtMillis", dueAt.toEpochMilli()),
                Updates.setOnInsert("dueAt", dueAt.toString()),
                Updates.setOnInsert("fired", false)), new UpdateOptions().upsert(true));
    }

    /** The deadlines due at {@code now} that have not fired yet, earliest first. */
    public List<Deadline> due(Instant now, int limit) {
        List<Deadline> due = new ArrayList<>();
        deadlines.find(Filters.and(Filters.eq("fired", false), Filters.lte("dueAtMillis", now.toEpochMilli())))
                .sort(Indexes.ascending("dueAtMillis")).limit(limit)
                .forEach(document -> due.add(new Deadline(document.getString("_id"),
                        UUID.fromString(document.getString("referralId")),
                        Instant.ofEpochMilli(document.getLong("dueAtMillis")))));
        return due;
    }

    /** Marks the deadline fired; counts it the first time only, so a second instance firing it too adds nothing. */
    public void markFired(Deadline deadline, Instant firedAt) {
        metrics.markFired(deadline.id(), firedAt);
    }

    /** Recounts the pending and overdue gauges as of {@code now}. */
    public void measure(Instant now) {
        metrics.refresh(now);
    }

    /** Drops a deadline whose referral was never stored (the command that would have created it failed). */
    public void drop(Deadline deadline) {
        deadlines.deleteOne(Filters.eq("_id", deadline.id()));
    }
}
