package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** A commission was suspended: no active consent covers it any more; its provider may not act on it. */
public record CommissionSuspended(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        String reason) implements CaseEvent {
}
