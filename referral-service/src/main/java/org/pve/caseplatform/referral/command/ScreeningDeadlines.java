package org.pve.caseplatform.referral.command;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.schedule.DeadlineMetrics;
import org.pve.caseplatform.support.schedule.DeadlineStore;
import org.pve.caseplatform.support.sharding.DistrictShard;

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

    private final DeadlineStore deadlines;

    public ScreeningDeadlines(ServiceDatabase database, MeterRegistry registry) {
        this.deadlines = new DeadlineStore(database.database().getCollection(COLLECTION), registry, deadline -> KIND);
    }

    /** A screening deadline still to fire. */
    public record Deadline(String id, UUID referralId, Instant dueAt) {
    }

    /** Records the deadline unless it is already there: a command handled twice does not move it. */
    public void schedule(UUID referralId, String districtId, Instant dueAt) {
        deadlines.schedule(PREFIX + referralId, districtId, dueAt, new Document("referralId", referralId.toString()));
    }

    /** The deadlines of the shard's districts due at {@code now} that have not fired yet, earliest first. */
    public List<Deadline> due(Instant now, DistrictShard shard, int limit) {
        return deadlines.due(now, shard, limit, document -> new Deadline(document.getString("_id"),
                UUID.fromString(document.getString("referralId")),
                Instant.ofEpochMilli(document.getLong("dueAtMillis"))));
    }

    /** Marks the deadline fired; counts it the first time only, so a second instance firing it too adds nothing. */
    public void markFired(Deadline deadline, Instant firedAt) {
        deadlines.markFired(deadline.id(), firedAt);
    }

    /** Recounts the pending and overdue gauges as of {@code now}. */
    public void measure(Instant now) {
        deadlines.measure(now);
    }

    /**
     * Drops a deadline whose referral was never stored (the command that would have created it failed), once a
     * second poll missed it too ({@link DeadlineStore#dropOnSecondMiss}); true if dropped.
     */
    public boolean drop(Deadline deadline) {
        return deadlines.dropOnSecondMiss(deadline.id());
    }
}
