package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The provider declined the commission, with its reason. */
public record ServiceDeclined(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        String providerId,
        String reason) implements CaseEvent {
}
