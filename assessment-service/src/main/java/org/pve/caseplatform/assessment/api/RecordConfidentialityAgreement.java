package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;

/** Put a panel member's signed confidentiality agreement for the case on record; again while active, extend it. */
public record RecordConfidentialityAgreement(
        @TargetAggregateIdentifier UUID caseId,
        String memberId,
        Agency agency,
        Instant validUntil,
        String recordedBy) {
}
