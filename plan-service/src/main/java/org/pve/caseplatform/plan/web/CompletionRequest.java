package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A provider completing a service, with its outcome (providerId, if given, must be the caller's provider). */
record CompletionRequest(
        @Size(max = 200) String providerId,
        @NotBlank @Size(max = 2000) String outcome) {
}
