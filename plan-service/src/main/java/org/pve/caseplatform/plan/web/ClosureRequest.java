package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.ClosureOutcome;

/** How the case ends; who closes it is the caller (closedBy, if given, must name the caller). */
record ClosureRequest(
        @NotNull ClosureOutcome outcome,
        @Size(max = 200) String closedBy) {
}
