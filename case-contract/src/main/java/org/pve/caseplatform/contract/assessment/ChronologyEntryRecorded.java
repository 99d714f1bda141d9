package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;

/** A panel member added a dated entry to the person's life chronology, the framework's developmental pathway. */
public record ChronologyEntryRecorded(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        LocalDate happenedOn,
        EncryptedValue entry,
        Agency agency,
        String recordedBy) implements CaseEvent {
}
