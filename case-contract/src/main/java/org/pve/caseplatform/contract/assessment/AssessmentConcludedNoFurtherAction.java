package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The panel concluded that no intervention is needed: the assessment ends without a plan. */
public record AssessmentConcludedNoFurtherAction(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String rationale,
        String concludedBy) implements CaseEvent {
}
