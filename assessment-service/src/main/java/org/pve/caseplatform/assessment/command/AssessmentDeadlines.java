package org.pve.caseplatform.assessment.command;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.schedule.DeadlineMetrics;
import org.pve.caseplatform.support.schedule.DeadlineStore;
import org.pve.caseplatform.support.sharding.DistrictShard;

/**
 * The durable deadlines of assessments (MongoDB collection {@code assessment-deadlines}): one document per case whose
 * assessment was opened (case, dueAt), kept across restarts and marked fired once its command went through. An
 * assessment agreed, escalated or concluded in time keeps its document; the aggregate ignores that deadline. Its
 * meters are those of {@link DeadlineMetrics}, kind {@value #KIND}.
 */
public class AssessmentDeadlines {

    static final String COLLECTION = "assessment-deadlines";
    static final String KIND = "assessment";

    private final DeadlineStore deadlines;

    public AssessmentDeadlines(ServiceDatabase database, MeterRegistry registry) {
        this.deadlines = new DeadlineStore(database.database().getCollection(COLLECTION), registry, deadline -> KIND);
    }

    /** An assessment's deadline still to fire. */
    public record Deadline(String id, UUID caseId, Instant dueAt) {
    }

    /** Records the deadline unless the case has one; dueAt keeps the instant exactly, dueAtMillis is for queries. */
    public void schedule(UUID caseId, String districtId, Instant dueAt) {
        deadlines.schedule(idOf(caseId), districtId, dueAt, new Document("caseId", caseId.toString()));
    }

    /** The deadlines of the shard's districts due at {@code now} that have not fired yet, earliest first. */
    public List<Deadline> due(Instant now, DistrictShard shard, int limit) {
        return deadlines.due(now, shard, limit, document -> new Deadline(document.getString("_id"),
                UUID.fromString(document.getString("caseId")), Instant.parse(document.getString("dueAt"))));
    }

    /** Marks the deadline fired; counts it the first time only, so a second instance firing it too adds nothing. */
    public void markFired(Deadline deadline, Instant firedAt) {
        deadlines.markFired(deadline.id(), firedAt);
    }

    /** Recounts the pending and overdue gauges as of {@code now}. */
    public void measure(Instant now) {
        deadlines.measure(now);
    }

    /** The district of a case whose assessment was opened, when its deadline names one. */
    public Optional<String> districtOf(UUID caseId) {
        Document deadline = deadlines.find(idOf(caseId));
        return Optional.ofNullable(deadline == null ? null : deadline.getString(DeadlineMetrics.DISTRICT));
    }

    /**
     * Drops a deadline whose case has no assessment (the command that recorded it failed),
     * once a second poll missed it too ({@link DeadlineStore#dropOnSecondMiss}); true if dropped.
     */
    public boolean drop(Deadline deadline) {
        return deadlines.dropOnSecondMiss(deadline.id());
    }

    static String idOf(UUID caseId) {
        return "assessment-deadline:" + caseId;
    }
}
