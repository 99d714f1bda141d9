package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/**
 * The assessment was still open, with no agreed formulation, when the district's deadline passed; recorded once.
 */
public record AssessmentOverdue(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        Instant dueAt) implements CaseEvent {
}
