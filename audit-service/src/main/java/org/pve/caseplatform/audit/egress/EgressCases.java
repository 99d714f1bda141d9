package org.pve.caseplatform.audit.egress;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;

/**
 * The egress's durable memory, keyed by {@code _id} throughout: per case its state and the filtered events held
 * back until the case is cleared ({@code egress_cases}), and the messageIds already dealt with
 * ({@code egress_seen}), so a redelivered record is not let out twice.
 */
public class EgressCases {

    public static final String CASES = "egress_cases";
    public static final String SEEN = "egress_seen";

    /** Where a case stands for the egress. */
    public enum State {
        /** Not screened yet: its events are held. */
        PENDING,
        /** Cleared (or handed back from security): its events go out. */
        OPEN,
        /** Escalated to security: nothing goes out. */
        SEALED,
        /** Closed at screening without clearance: nothing went out and nothing will. */
        CLOSED
    }

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> seen;

    public EgressCases(MongoDatabase database) {
        this.cases = database.getCollection(CASES);
        this.seen = database.getCollection(SEEN);
    }

    public boolean seen(String messageId) {
        return seen.find(Filters.eq("_id", messageId)).first() != null;
    }

    public void markSeen(String messageId) {
        try {
            seen.insertOne(new Document("_id", messageId));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public State state(String caseId) {
        Document found = cases.find(Filters.eq("_id", caseId)).first();
        return found == null || found.getString("state") == null ? State.PENDING
                : State.valueOf(found.getString("state"));
    }

    public void setState(String caseId, State state) {
        cases.updateOne(Filters.eq("_id", caseId), Updates.set("state", state.name()),
                new UpdateOptions().upsert(true));
    }

    public void hold(EgressEvent event) {
        cases.updateOne(Filters.eq("_id", event.caseId()), Updates.push("held", event.toDocument()),
                new UpdateOptions().upsert(true));
    }

    /** The case's held events, in the order they are released. */
    public List<EgressEvent> held(String caseId) {
        Document found = cases.find(Filters.eq("_id", caseId)).first();
        if (found == null) {
            return List.of();
        }
        return found.getList("held", Document.class, List.of()).stream().map(EgressEvent::fromDocument)
                .sorted(EgressEvent.RELEASE_ORDER).toList();
    }

    /** Forgets one held event: released, so a release interrupted half-way does not send it again. */
    public void released(String caseId, String messageId) {
        cases.updateOne(Filters.eq("_id", caseId), Updates.pull("held", new Document("messageId", messageId)));
    }

    public void discardHeld(String caseId) {
        cases.updateOne(Filters.eq("_id", caseId), Updates.unset("held"));
    }
}
