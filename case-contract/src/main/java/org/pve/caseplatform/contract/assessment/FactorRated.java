package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;

/** A member of a panel agency rated one factor of the assessment framework, 0 (none) to 3 (high). */
public record FactorRated(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String factorId,
        String domain,
        int rating,
        EncryptedValue evidence,
        String ratedBy,
        Agency agency) implements CaseEvent {
}
