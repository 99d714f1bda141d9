package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.Agency;

/** A panel member endorses a formulation version on behalf of their agency. */
record EndorsementRequest(
        @NotNull Agency agency,
        @NotBlank @Size(max = 200) String endorsedBy) {
}
