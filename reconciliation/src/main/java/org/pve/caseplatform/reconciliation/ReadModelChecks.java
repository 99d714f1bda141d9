package org.pve.caseplatform.reconciliation;

import java.util.Map;
import java.util.Objects;

/**
 * audit-service's cohort read model ({@code cohort_cases}, its own consumer group over the three case topics)
 * against its ledger: one fact per ledger entry, with the same type and district, and no fact without an entry
 * (a fact whose source is stored but not in the ledger is the ledger's difference, reported once by StoreChecks).
 * The two consumers run apart, so either may be ahead of the other within the grace period.
 */
final class ReadModelChecks {

    private ReadModelChecks() {
    }

    static void run(Holdings holdings, Findings findings) {
        Map<String, CohortFact> cohort = Holdings.index(holdings.cohort(), CohortFact::messageId);
        Map<String, LedgerRecord> ledger = Holdings.index(holdings.ledger(), LedgerRecord::messageId);
        Map<String, StoredEvent> stored = holdings.storedByMessageId();
        for (LedgerRecord entry : holdings.ledger()) {
            CohortFact fact = cohort.get(entry.messageId());
            if (fact == null) {
                findings.unlessRecent(entry.recordedAt(), Kind.READ_MODEL_DISAGREES, entry.caseId(),
                        entry.districtId(), ServiceDatabases.AUDIT_SERVICE, entry.messageId(), entry.eventType(),
                        "in the ledger, not in cohort_cases");
            } else if (!Objects.equals(fact.caseId(), entry.caseId())
                    || !Objects.equals(fact.eventType(), entry.eventType())
                    || !Objects.equals(fact.districtId(), entry.districtId())) {
                findings.difference(Kind.READ_MODEL_DISAGREES, entry.caseId(), entry.districtId(),
                        ServiceDatabases.AUDIT_SERVICE, entry.messageId(), entry.eventType(),
                        "cohort_cases holds it as " + fact.eventType() + " of case " + fact.caseId() + " in "
                                + fact.districtId());
            }
        }
        for (CohortFact fact : holdings.cohort()) {
            // a fact whose source is stored is one the ledger lacks: MISSING_FROM_LEDGER says so, once
            if (!ledger.containsKey(fact.messageId()) && !stored.containsKey(fact.messageId())) {
                findings.difference(Kind.READ_MODEL_DISAGREES, fact.caseId(), fact.districtId(),
                        ServiceDatabases.AUDIT_SERVICE, fact.messageId(), fact.eventType(),
                        "in cohort_cases, neither in the ledger nor stored by a producing service");
            }
        }
    }
}
