package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;

/**
 * A panel member's confidentiality agreement for the case ended, by a person's decision or by schedule: the member
 * sees no case detail until a new one is recorded.
 */
public record ConfidentialityAgreementExpired(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String memberId,
        Agency agency,
        String expiredBy) implements CaseEvent {
}
