package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.SecurityDestination;

/** Where the case is escalated and why; who escalates is the caller (escalatedBy, if given, must name the caller). */
record EscalationRequest(
        @NotBlank @Size(max = 2000) String reason,
        @NotNull SecurityDestination escalatedTo,
        @Size(max = 200) String escalatedBy) {
}
