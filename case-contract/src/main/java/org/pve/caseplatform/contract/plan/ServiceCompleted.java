package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The provider completed the commissioned service with an outcome. */
public record ServiceCompleted(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        String providerId,
        String outcome) implements CaseEvent {
}
