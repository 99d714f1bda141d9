package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;

/**
 * A cleared case's multi-agency assessment opened, with the framework (family and published version) and the agencies
 * whose view it needs. Revision 2: revision 1 called the family {@code frameworkId}.
 */
public record AssessmentOpened(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String subjectRef,
        String frameworkFamily,
        int frameworkVersion,
        List<Agency> requiredAgencies,
        Instant dueAt) implements CaseEvent {
}
