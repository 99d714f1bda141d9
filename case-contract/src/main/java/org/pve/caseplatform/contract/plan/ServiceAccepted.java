package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The provider accepted the commission. */
public record ServiceAccepted(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        String providerId) implements CaseEvent {
}
