package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.SecurityDestination;

/** The panel escalated the case to security during assessment: the case left the preventive track. */
public record AssessmentEscalatedToSecurity(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String reason,
        String escalatedBy,
        SecurityDestination escalatedTo) implements CaseEvent {
}
