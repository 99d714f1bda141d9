package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;

/** A panel member described a scenario in which the risk could come about, and how likely it is, 0 (none) to 3. */
public record RiskScenarioDescribed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        EncryptedValue scenario,
        int likelihood,
        Agency agency,
        String describedBy) implements CaseEvent {
}
