package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;

/** A panel member proposed a formulation; earlier endorsements no longer count. */
public record FormulationProposed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        int formulationVersion,
        List<String> needs,
        InterventionLevel interventionLevel,
        Agency leadAgency,
        String proposedBy,
        EncryptedValue summary) implements CaseEvent {
}
