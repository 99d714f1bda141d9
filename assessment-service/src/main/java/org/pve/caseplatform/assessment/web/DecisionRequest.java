package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.pve.caseplatform.contract.PanelDecision;
import org.pve.caseplatform.contract.SecurityDestination;

/** What the meeting decided about a case on its agenda; the deciding attendee is the caller. */
record DecisionRequest(
        @NotNull UUID caseId,
        @NotNull PanelDecision decision,
        @NotBlank @Size(max = 4000) String rationale,
        SecurityDestination escalatedTo) {
}
