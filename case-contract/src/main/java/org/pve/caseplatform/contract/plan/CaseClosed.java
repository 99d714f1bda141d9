package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ClosureOutcome;

/** The case owner closed the case with an outcome. */
public record CaseClosed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        ClosureOutcome outcome,
        String closedBy) implements CaseEvent {
}
