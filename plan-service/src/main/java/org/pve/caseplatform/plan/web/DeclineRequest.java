package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A provider declining a commission, with its reason (providerId, if given, must be the caller's provider). */
record DeclineRequest(
        @Size(max = 200) String providerId,
        @NotBlank @Size(max = 2000) String reason) {
}
