package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;

/** A panel member's signed confidentiality agreement for the case went on record, valid until the given instant. */
public record ConfidentialityAgreementRecorded(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String memberId,
        Agency agency,
        Instant validUntil,
        String recordedBy) implements CaseEvent {
}
