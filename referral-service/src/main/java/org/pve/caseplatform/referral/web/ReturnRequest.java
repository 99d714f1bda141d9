package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The security side hands a sealed referral back, saying why; the one returning it is the signed-in caller
 * ({@code returnedBy} may still name them). */
record ReturnRequest(@Size(max = 200) String returnedBy, @NotBlank @Size(max = 4000) String rationale) {
}
