package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A panel member shares their agency's information. The agency and the member are the caller's own (from the token);
 * the legal basis must be one the district's practice model allows; the purpose is SUPPORT or SAFEGUARDING, taken as
 * text so that PROSECUTION or an unknown purpose is refused naming the field.
 */
record InformationRequest(
        @NotBlank @Size(max = 100) String legalBasis,
        String purpose,
        @NotBlank @Size(max = 8000) String summary) {
}
