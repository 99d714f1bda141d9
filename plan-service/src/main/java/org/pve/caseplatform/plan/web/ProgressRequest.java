package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.Engagement;

/**
 * A provider's report on a service in delivery, with a plaintext summary (providerId, if given, must be the caller's
 * provider).
 */
record ProgressRequest(
        @Size(max = 200) String providerId,
        @NotNull Engagement engagement,
        @NotNull Boolean concernRaised,
        @NotBlank @Size(max = 4000) String summary) {
}
