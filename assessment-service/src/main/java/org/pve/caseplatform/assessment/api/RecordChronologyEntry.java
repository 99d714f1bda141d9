package org.pve.caseplatform.assessment.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;

/**
 * A member of a panel agency adds a dated entry to the person's life chronology, its text already encrypted; only
 * in an assessment whose framework version has the CHRONOLOGY section, and never dated after today.
 */
public record RecordChronologyEntry(
        @TargetAggregateIdentifier UUID caseId,
        LocalDate happenedOn,
        EncryptedValue entry,
        String recordedBy,
        Agency agency) {
}
