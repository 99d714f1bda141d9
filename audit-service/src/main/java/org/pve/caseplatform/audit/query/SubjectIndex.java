package org.pve.caseplatform.audit.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The cases of each subject, from the subjectRef of the ReferralReceived events the ledger saw: one document per
 * subjectRef, keyed by {@code _id} (so a subject access request is answered without scanning the ledger). Adding
 * a case twice leaves it once.
 */
public class SubjectIndex {

    public static final String COLLECTION = "ledger_subjects";
    static final String RECEIVED = "ReferralReceived";

    private final MongoCollection<Document> subjects;

    public SubjectIndex(MongoDatabase database) {
        this.subjects = database.getCollection(COLLECTION);
    }

    /** Notes the case of a ledger entry when it is a referral naming its subject. */
    public void note(LedgerEntry entry) {
        if (!RECEIVED.equals(entry.eventType()) || entry.caseId() == null || entry.data() == null) {
            return;
        }
        Object subjectRef = entry.data().get("subjectRef");
        if (subjectRef instanceof String ref && !ref.isBlank()) {
            subjects.updateOne(Filters.eq("_id", ref), Updates.addToSet("caseIds", entry.caseId()),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The ids of the subject's cases, in the order the ledger first saw them. */
    public List<String> casesOf(String subjectRef) {
        Document found = subjects.find(Filters.eq("_id", subjectRef)).first();
        return found == null ? List.of() : new ArrayList<>(found.getList("caseIds", String.class, List.of()));
    }

    /** Fills the index from a ledger written before it existed (a one-off scan; nothing when it has entries). */
    public void fillFrom(Ledger ledger) {
        if (subjects.countDocuments() == 0) {
            ledger.entriesOfType(RECEIVED).forEach(this::note);
        }
    }
}
