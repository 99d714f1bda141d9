package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.InterventionLevel;

/**
 * The management plan opened from the agreed formulation; reviews follow every {@code reviewCadenceDays}. The lead
 * agency and the panel's (endorsing) agencies are those of the formulation; both are absent on plans opened before
 * they were recorded.
 */
public record PlanOpened(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String subjectRef,
        int formulationVersion,
        List<String> needs,
        InterventionLevel interventionLevel,
        int reviewCadenceDays,
        Agency leadAgency,
        List<Agency> panelAgencies) implements CaseEvent {

    /** A plan as recorded before the lead and panel agencies travelled with it. */
    public PlanOpened(UUID caseId, String districtId, Instant occurredAt, String subjectRef, int formulationVersion,
                      List<String> needs, InterventionLevel interventionLevel, int reviewCadenceDays) {
        this(caseId, districtId, occurredAt, subjectRef, formulationVersion, needs, interventionLevel,
                reviewCadenceDays, null, null);
    }
}
