package org.pve.caseplatform.audit.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;

/**
 * Which ledger entries belong to each case (collection {@code ledger_cases}, {@code _id} = caseId, the entries'
 * messageIds), so that a case history reads its entries by {@code _id} instead of scanning the ledger (the
 * MongoDB-wire server has no secondary indexes). A messageId is noted before its entry is written, with a set-style
 * update: a crash in between leaves a pointer to nothing, which a read passes over, and the redelivery notes it again
 * without adding anything. The ledger entries stay what decides; this only points to them.
 */
public final class LedgerCases {

    public static final String COLLECTION = "ledger_cases";
    private static final String ENTRIES = "messageIds";
    private static final String BUILT = "#built";

    private final MongoCollection<Document> cases;

    public LedgerCases(MongoDatabase database) {
        this.cases = database.getCollection(COLLECTION);
    }

    /** Notes the entry's messageId under its case (nothing for an entry without a case). */
    public void note(String caseId, Object messageId) {
        if (caseId != null && messageId != null) {
            cases.updateOne(Filters.eq("_id", caseId), Updates.addToSet(ENTRIES, messageId),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The messageIds noted for the case. */
    public List<Object> entriesOf(String caseId) {
        Document found = cases.find(Filters.eq("_id", caseId)).first();
        return found == null ? List.of() : found.getList(ENTRIES, Object.class, List.of());
    }

    /** Notes the entries of a ledger written before this index existed: once, with a one-off scan. */
    public void fillFrom(MongoCollection<Document> ledger) {
        if (cases.find(Filters.eq("_id", BUILT)).first() != null) {
            return;
        }
        ledger.find().projection(new Document("caseId", 1))
                .forEach(entry -> note(entry.getString("caseId"), entry.get("_id")));
        cases.updateOne(Filters.eq("_id", BUILT), Updates.set("built", true), new UpdateOptions().upsert(true));
    }
}
