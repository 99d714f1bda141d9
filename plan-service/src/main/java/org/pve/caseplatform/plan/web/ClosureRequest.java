package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.ClosureOutcome;

/** How the case ends, and who closes it. */
record ClosureRequest(
        @NotNull ClosureOutcome outcome,
        @NotBlank @Size(max = 200) String closedBy) {
}
