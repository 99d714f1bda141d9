package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The provider started delivering the commissioned service. */
public record ServiceDeliveryStarted(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        String providerId) implements CaseEvent {
}
