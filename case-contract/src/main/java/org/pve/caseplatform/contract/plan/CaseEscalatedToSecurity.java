package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.SecurityDestination;

/** The case left the preventive track for the security services; the plan takes no further commands. */
public record CaseEscalatedToSecurity(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String reason,
        String escalatedBy,
        SecurityDestination escalatedTo) implements CaseEvent {
}
