package org.pve.caseplatform.audit.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.audit.history.ErasureMarks;
import org.pve.caseplatform.audit.history.SecuritySeal;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.domain.UnknownRecord;

/**
 * Answers a case's history from the ledger alone, in a deterministic order, as of an instant if asked. Personal
 * fields stay encrypted; one whose key was destroyed is shown as {@code {"erased": true}}. Nothing is decrypted.
 */
public class CaseHistoryReader {

    private final Ledger ledger;
    private final Predicate<String> holdsKey;

    /** @param holdsKey whether the key store still holds the key a keyRef names */
    public CaseHistoryReader(Ledger ledger, Predicate<String> holdsKey) {
        this.ledger = ledger;
        this.holdsKey = holdsKey;
    }

    /** The case's district and seal as the whole ledger has them now; empty when the ledger never saw the case. */
    public Optional<CaseFile> caseFile(UUID caseId) {
        return fileOf(caseId, ledger.entriesOf(caseId.toString(), null));
    }

    static Optional<CaseFile> fileOf(UUID caseId, List<LedgerEntry> entries) {
        List<LedgerEntry> ordered = entries.stream().sorted(LedgerEntry.HISTORY_ORDER).toList();
        String districtId = null;
        boolean sealed = false;
        for (LedgerEntry entry : ordered) {
            if (!Topics.ACCESS_LOG.equals(entry.topic()) && entry.districtId() != null) {
                districtId = districtId == null ? entry.districtId() : districtId;
            }
            sealed = SecuritySeal.after(sealed, entry.eventType(),
                    entry.data() == null ? null : entry.data().get("escalatedTo"));
        }
        if (districtId == null) {
            districtId = ordered.stream().map(LedgerEntry::districtId).filter(id -> id != null).findFirst()
                    .orElse(null);
        }
        return ordered.isEmpty() ? Optional.empty() : Optional.of(new CaseFile(caseId, districtId, sealed));
    }

    /** The history; {@link UnknownRecord} when the ledger saw nothing of the case (before asOf, if given). */
    public CaseHistory find(UUID caseId, Instant asOf) {
        ErasureMarks marks = new ErasureMarks(holdsKey);
        List<RecordedEvent> events = ledger.entriesOf(caseId.toString(), asOf).stream()
                .sorted(LedgerEntry.HISTORY_ORDER)
                .map(entry -> recorded(entry, marks))
                .toList();
        if (events.isEmpty()) {
            throw new UnknownRecord(caseId.toString());
        }
        return new CaseHistory(caseId, asOf, events);
    }

    private static RecordedEvent recorded(LedgerEntry entry, ErasureMarks marks) {
        return new RecordedEvent(entry.messageId(), entry.eventType(), entry.eventRevision(), entry.service(),
                entry.occurredAt(), entry.actor(), entry.topic(), entry.partition(), entry.offset(),
                marks.apply(entry.data()));
    }
}
