package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** A referral was still waiting for its screening decision when the district's deadline passed. */
public record ScreeningOverdue(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        Instant dueAt) implements CaseEvent {
}
