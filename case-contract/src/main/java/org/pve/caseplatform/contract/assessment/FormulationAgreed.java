package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.InterventionLevel;

/** Every required agency endorsed the same formulation version: the plan follows from it. */
public record FormulationAgreed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String subjectRef,
        int formulationVersion,
        List<String> needs,
        InterventionLevel interventionLevel,
        Agency leadAgency,
        List<Agency> endorsingAgencies) implements CaseEvent {
}
