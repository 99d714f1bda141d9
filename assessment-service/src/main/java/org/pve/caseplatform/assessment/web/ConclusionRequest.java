package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A panel member concludes that no intervention is needed; the concluding member is the caller. */
record ConclusionRequest(
        @NotBlank @Size(max = 2000) String rationale) {
}
