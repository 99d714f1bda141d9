package org.pve.caseplatform.audit.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.pve.caseplatform.audit.ledger.LedgerCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only {@code ledger} collection: one entry per messageId, inserted once and never updated, so a
 * redelivered or re-published record leaves the first entry as it was.
 */
public class Ledger {

    static final String COLLECTION = "ledger";

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final MongoCollection<Document> entries;
    private final LedgerCases cases;

    public Ledger(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        this.cases = new LedgerCases(database);
        createHistoryIndex();
        cases.fillFrom(entries);
    }

    /** Appends the entry; false when an entry with its messageId is already there (which stays untouched). */
    public boolean append(LedgerEntry entry) {
        cases.note(entry.caseId(), entry.messageId());
        try {
            entries.insertOne(entry.toDocument());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The case's entries, unordered; with an asOf, those that occurred at or before it. Read by {@code _id} through
     * {@link LedgerCases}; an entry counts only if it names the case itself.
     */
    public List<LedgerEntry> entriesOf(String caseId, Instant asOf) {
        List<Object> messageIds = cases.entriesOf(caseId);
        List<LedgerEntry> found = new ArrayList<>();
        if (messageIds.isEmpty()) {
            return found;
        }
        for (Document document : entries.find(Filters.in("_id", messageIds))) {
            LedgerEntry entry = LedgerEntry.fromDocument(document);
            if (caseId.equals(entry.caseId()) && (asOf == null || !entry.occurredAt().isAfter(asOf))) {
                found.add(entry);
            }
        }
        return found;
    }

    /** Every entry of an event type (a scan: for one-off rebuilds only). */
    public List<LedgerEntry> entriesOfType(String eventType) {
        List<LedgerEntry> found = new ArrayList<>();
        for (Document document : entries.find(Filters.eq("eventType", eventType))) {
            found.add(LedgerEntry.fromDocument(document));
        }
        return found;
    }

    /** Serves case histories on a real MongoDB; the wire server in tests accepts it and answers by scanning. */
    private void createHistoryIndex() {
        try {
            entries.createIndex(Indexes.ascending("caseId", "occurredAt"), new IndexOptions().name("caseHistory"));
        } catch (RuntimeException e) {
            log.warn("case-history index not created: {}", e.getMessage());
        }
    }
}
