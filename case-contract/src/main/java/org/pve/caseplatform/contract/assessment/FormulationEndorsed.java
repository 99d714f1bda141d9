package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;

/** One agency on the panel endorsed a version of the formulation. */
public record FormulationEndorsed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        int formulationVersion,
        Agency agency,
        String endorsedBy) implements CaseEvent {
}
