package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A panel member describes a risk scenario in plaintext, with its likelihood 0 (none) to 3 (high). */
record ScenarioRequest(
        @NotBlank @Size(max = 8000) String scenario,
        @NotNull Integer likelihood) {
}
