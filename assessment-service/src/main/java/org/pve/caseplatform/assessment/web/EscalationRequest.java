package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.SecurityDestination;

/** A panel member escalates the case to security; the escalating member is the caller. */
record EscalationRequest(
        @NotBlank @Size(max = 2000) String reason,
        @NotNull SecurityDestination escalatedTo) {
}
