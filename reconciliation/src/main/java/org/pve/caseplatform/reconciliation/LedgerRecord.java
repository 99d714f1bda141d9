package org.pve.caseplatform.reconciliation;

import java.time.Instant;

/** One entry of audit-service's ledger (ADR 0007), reduced to what reconciliation compares. */
record LedgerRecord(String messageId, String caseId, String districtId, String eventType, String service,
                    String topic, Instant recordedAt) {
}
