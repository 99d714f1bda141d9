package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.InterventionLevel;

/**
 * A proposed formulation in plaintext; leadAgency may be left out only when the intervention is SECURITY_LED. The
 * proposer is the caller (from the token); proposedBy may still be named, and must then be the caller.
 */
record FormulationRequest(
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> needs,
        @NotNull InterventionLevel interventionLevel,
        Agency leadAgency,
        @Size(max = 200) String proposedBy,
        @NotBlank @Size(max = 8000) String summary) {
}
