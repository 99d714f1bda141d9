package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.Agency;

/** Who takes the plan on, and for which agency. */
record OwnerRequest(
        @NotBlank @Size(max = 200) String ownerRef,
        @NotNull Agency agency) {
}
