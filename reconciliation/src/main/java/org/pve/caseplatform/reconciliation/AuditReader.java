package org.pve.caseplatform.reconciliation;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Reads audit-service's ledger and its cohort read model. Access-log entries are left out: CaseRecordAccessed goes
 * straight to Kafka (platform-support AccessLog), no service stores it, so there is no source to compare with.
 */
final class AuditReader {

    static final String LEDGER = "ledger";
    static final String COHORT = "cohort_cases";
    static final String ACCESS_LOG = "case.access-log";

    private AuditReader() {
    }

    static List<LedgerRecord> ledger(MongoDatabase audit) {
        List<LedgerRecord> records = new ArrayList<>();
        for (Document entry : audit.getCollection(LEDGER).find(Filters.ne("topic", ACCESS_LOG)).projection(
                Projections.include("caseId", "districtId", "eventType", "service", "topic", "recordedAt"))) {
            Object recordedAt = entry.get("recordedAt");
            records.add(new LedgerRecord(String.valueOf(entry.get("_id")), entry.getString("caseId"),
                    entry.getString("districtId"), entry.getString("eventType"), entry.getString("service"),
                    entry.getString("topic"), recordedAt instanceof Date date ? date.toInstant() : Instant.EPOCH));
        }
        return records;
    }

    static List<CohortFact> cohort(MongoDatabase audit) {
        List<CohortFact> facts = new ArrayList<>();
        for (Document stored : audit.getCollection(COHORT).find().projection(Projections.include(
                "districtId", "facts"))) {
            String caseId = String.valueOf(stored.get("_id"));
            Document byMessage = stored.get("facts", Document.class);
            if (byMessage == null) {
                continue;
            }
            for (Object value : byMessage.values()) {
                if (value instanceof Document fact) {
                    facts.add(new CohortFact(caseId, stored.getString("districtId"), fact.getString("messageId"),
                            fact.getString("eventType")));
                }
            }
        }
        return facts;
    }
}
