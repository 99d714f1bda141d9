package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.PanelDecision;
import org.pve.caseplatform.contract.SecurityDestination;

/** A panel meeting decided about the case on its agenda; escalatedTo only with ESCALATE_TO_SECURITY. */
public record PanelDecisionRecorded(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID meetingId,
        PanelDecision decision,
        EncryptedValue rationale,
        String decidedBy,
        SecurityDestination escalatedTo) implements CaseEvent {
}
