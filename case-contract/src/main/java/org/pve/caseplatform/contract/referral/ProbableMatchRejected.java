package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The screener decided a proposed match is not the same person: it is not proposed again. */
public record ProbableMatchRejected(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        UUID candidateCaseId,
        String rejectedBy) implements CaseEvent {
}
