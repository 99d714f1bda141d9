package org.pve.caseplatform.referral.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;

/**
 * When each finished case's personal data falls due for erasure (MongoDB collection {@code retention}, one document
 * per case): closed, closed with no further action, or sealed by escalation, each with its practice model's period.
 * Kept across restarts and polled on a schedule, like the screening deadlines; a case that reopens loses its date.
 */
public class RetentionSchedule {

    static final String COLLECTION = "retention";

    /** Why a case's retention period runs. */
    public enum Kind { CLOSED, NO_FURTHER_ACTION, ESCALATED }

    /** A case's erasure due date. */
    public record Due(UUID caseId, String districtId, Kind kind, Instant dueAt) {
    }

    private final MongoCollection<Document> schedule;

    public RetentionSchedule(ServiceDatabase database) {
        this.schedule = database.database().getCollection(COLLECTION);
        this.schedule.createIndex(Indexes.ascending("dueAtMillis"));
    }

    /** Sets the case's due date (the latest finishing event decides it). */
    public void schedule(UUID caseId, String districtId, Kind kind, Instant dueAt) {
        schedule.updateOne(Filters.eq("_id", caseId.toString()), Updates.combine(
                Updates.set("districtId", districtId), Updates.set("kind", kind.name()),
                Updates.set("dueAtMillis", dueAt.toEpochMilli()), Updates.set("dueAt", dueAt.toString())),
                new UpdateOptions().upsert(true));
    }

    /** The case reopened (returned from security): nothing is due for it any more. */
    public void cancel(UUID caseId) {
        schedule.deleteOne(Filters.eq("_id", caseId.toString()));
    }

    /** Moves a case's due date later (another case of the person is due later, or still open). */
    public void postpone(UUID caseId, Instant dueAt) {
        schedule.updateOne(Filters.and(Filters.eq("_id", caseId.toString()),
                Filters.lt("dueAtMillis", dueAt.toEpochMilli())), Updates.combine(
                Updates.set("dueAtMillis", dueAt.toEpochMilli()), Updates.set("dueAt", dueAt.toString())));
    }

    public List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        schedule.find(Filters.lte("dueAtMillis", now.toEpochMilli())).sort(Indexes.ascending("dueAtMillis"))
                .limit(limit).forEach(document -> due.add(read(document)));
        return due;
    }

    /** The due dates of those of {@code caseIds} that have one. */
    public Map<UUID, Due> find(Collection<UUID> caseIds) {
        Map<UUID, Due> found = new HashMap<>();
        schedule.find(Filters.in("_id", caseIds.stream().map(UUID::toString).distinct().toList()))
                .forEach(document -> {
                    Due due = read(document);
                    found.put(due.caseId(), due);
                });
        return found;
    }

    private static Due read(Document document) {
        return new Due(UUID.fromString(document.getString("_id")), document.getString("districtId"),
                Kind.valueOf(document.getString("kind")), Instant.ofEpochMilli(document.getLong("dueAtMillis")));
    }
}
