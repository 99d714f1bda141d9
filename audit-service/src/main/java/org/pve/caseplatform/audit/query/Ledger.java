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
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
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

    public Ledger(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        createHistoryIndex();
    }

    /** Appends the entry; false when an entry with its messageId is already there (which stays untouched). */
    public boolean append(LedgerEntry entry) {
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

    /** The case's entries, unordered; with an asOf, those that occurred at or before it. */
    public List<LedgerEntry> entriesOf(String caseId, Instant asOf) {
        Bson filter = Filters.eq("caseId", caseId);
        if (asOf != null) {
            // BSON dates hold milliseconds: this keeps a superset, the exact instant decides below.
            filter = Filters.and(filter, Filters.lte("occurredAt", Date.from(asOf)));
        }
        List<LedgerEntry> found = new ArrayList<>();
        for (Document document : entries.find(filter)) {
            LedgerEntry entry = LedgerEntry.fromDocument(document);
            if (asOf == null || !entry.occurredAt().isAfter(asOf)) {
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
