package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A panel member rates one factor of the framework for their agency, 0 to 3, with the evidence in plaintext. */
record RatingRequest(
        @NotBlank @Size(max = 100) String factorId,
        @NotBlank @Size(max = 100) String domain,
        @NotNull Integer rating,
        @NotBlank @Size(max = 8000) String evidence) {
}
