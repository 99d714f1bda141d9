package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A provider acting on a commission: accepting it or starting its delivery. */
record ProviderRequest(@NotBlank @Size(max = 200) String providerId) {
}
