package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.InterventionLevel;

/** The management plan opened from the agreed formulation; reviews follow every {@code reviewCadenceDays}. */
public record PlanOpened(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String subjectRef,
        int formulationVersion,
        List<String> needs,
        InterventionLevel interventionLevel,
        int reviewCadenceDays) implements CaseEvent {
}
