package org.pve.caseplatform.audit.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.support.domain.UnknownRecord;

/** Answers a case's history from the ledger alone, in a deterministic order, as of an instant if asked. */
public class CaseHistoryReader {

    private final Ledger ledger;

    public CaseHistoryReader(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The history; {@link UnknownRecord} when the ledger saw nothing of the case (before asOf, if given). */
    public CaseHistory find(UUID caseId, Instant asOf) {
        List<RecordedEvent> events = ledger.entriesOf(caseId.toString(), asOf).stream()
                .sorted(LedgerEntry.HISTORY_ORDER)
                .map(CaseHistoryReader::recorded)
                .toList();
        if (events.isEmpty()) {
            throw new UnknownRecord("no events of case " + caseId + (asOf == null ? "" : " up to " + asOf));
        }
        return new CaseHistory(caseId, asOf, events);
    }

    private static RecordedEvent recorded(LedgerEntry entry) {
        return new RecordedEvent(entry.messageId(), entry.eventType(), entry.eventRevision(), entry.service(),
                entry.occurredAt(), entry.actor(), entry.topic(), entry.partition(), entry.offset(), entry.data());
    }
}
