package org.pve.caseplatform.plan.command;

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
 * The plan's durable deadlines (MongoDB collection {@value #COLLECTION}), one document per deadline of every type:
 * a case's handover, each review due date, each commission's start. Kept across restarts and marked fired once its
 * command went through; Axon's durable deadline managers need SQL, so this store polled on a schedule stands in.
 * Its meters are those of {@link DeadlineMetrics}, of the kinds handover, review and start-by.
 */
public class PlanDeadlines {

    static final String COLLECTION = "plan_deadlines";

    private final DeadlineStore deadlines;

    public PlanDeadlines(ServiceDatabase database, MeterRegistry registry) {
        this.deadlines = new DeadlineStore(database.database().getCollection(COLLECTION), registry,
                deadline -> Type.valueOf(deadline.getString("type")).kind, "type");
    }

    /** What falls due, and its kind as the deadline meters name it. */
    public enum Type {
        HANDOVER("handover"), REVIEW("review"), STALLED("start-by");

        private final String kind;

        Type(String kind) {
            this.kind = kind;
        }
    }

    /** A deadline still to fire; {@code commissionId} only for STALLED. */
    public record Deadline(String id, Type type, UUID caseId, UUID commissionId, Instant dueAt) {
    }

    public void handover(UUID caseId, String districtId, Instant dueAt) {
        schedule("handover:" + caseId, Type.HANDOVER, caseId, districtId, null, dueAt);
    }

    /** One deadline per due date: a review brought forward or rescheduled gets a deadline of its own. */
    public void review(UUID caseId, String districtId, Instant dueAt) {
        schedule("review:" + caseId + ":" + dueAt.toEpochMilli(), Type.REVIEW, caseId, districtId, null, dueAt);
    }

    public void stalled(UUID caseId, String districtId, UUID commissionId, Instant dueAt) {
        schedule("stalled:" + commissionId, Type.STALLED, caseId, districtId, commissionId, dueAt);
    }

    /** Records the deadline unless it is already there: an event seen twice does not move it. */
    private void schedule(String id, Type type, UUID caseId, String districtId, UUID commissionId, Instant dueAt) {
        deadlines.schedule(id, districtId, dueAt, new Document("type", type.name())
                .append("caseId", caseId.toString())
                .append("commissionId", commissionId == null ? null : commissionId.toString()));
    }

    /** The deadlines of the shard's districts due at {@code now} that have not fired yet, earliest first. */
    public List<Deadline> due(Instant now, DistrictShard shard, int limit) {
        return deadlines.due(now, shard, limit, document -> new Deadline(document.getString("_id"),
                Type.valueOf(document.getString("type")), UUID.fromString(document.getString("caseId")),
                document.getString("commissionId") == null ? null
                        : UUID.fromString(document.getString("commissionId")),
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
     * Drops a deadline whose plan was never stored (the command that would have opened it failed),
     * once a second poll missed it too ({@link DeadlineStore#dropOnSecondMiss}); true if dropped.
     */
    public boolean drop(Deadline deadline) {
        return deadlines.dropOnSecondMiss(deadline.id());
    }
}
