package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The security side hands a sealed referral back, saying who and why. */
record ReturnRequest(@NotBlank @Size(max = 200) String returnedBy, @NotBlank @Size(max = 4000) String rationale) {
}
