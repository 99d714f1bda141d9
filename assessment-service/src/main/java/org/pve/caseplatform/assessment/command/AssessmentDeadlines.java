package org.pve.caseplatform.assessment.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;

/**
 * The durable deadlines of assessments (MongoDB collection {@code assessment-deadlines}): one document per case whose
 * assessment was opened (case, dueAt), kept across restarts and marked fired once its command went through. An
 * assessment agreed, escalated or concluded in time keeps its document; the aggregate ignores that deadline.
 */
public class AssessmentDeadlines {

    static final String COLLECTION = "assessment-deadlines";

    private final MongoCollection<Document> deadlines;

    public AssessmentDeadlines(ServiceDatabase database) {
        this.deadlines = database.database().getCollection(COLLECTION);
        this.deadlines.createIndex(Indexes.ascending("fired", "dueAtMillis"));
    }

    /** An assessment's deadline still to fire. */
    public record Deadline(String id, UUID caseId, Instant dueAt) {
    }

    /** Records the deadline unless the case has one; dueAt keeps the instant exactly, dueAtMillis is for queries. */
    public void schedule(UUID caseId, Instant dueAt) {
        deadlines.updateOne(Filters.eq("_id", idOf(caseId)), Updates.combine(
                Updates.setOnInsert("caseId", caseId.toString()),
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
                        UUID.fromString(document.getString("caseId")), Instant.parse(document.getString("dueAt")))));
        return due;
    }

    public void markFired(Deadline deadline, Instant firedAt) {
        deadlines.updateOne(Filters.eq("_id", deadline.id()),
                Updates.combine(Updates.set("fired", true), Updates.set("firedAt", firedAt.toString())));
    }

    /** Drops a deadline whose case has no assessment (the command that recorded it failed). */
    public void drop(Deadline deadline) {
        deadlines.deleteOne(Filters.eq("_id", deadline.id()));
    }

    static String idOf(UUID caseId) {
        return "assessment-deadline:" + caseId;
    }
}
