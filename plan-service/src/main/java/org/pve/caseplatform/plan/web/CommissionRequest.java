package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.pve.caseplatform.contract.ServiceType;

/**
 * A service to commission from a provider for one of the plan's needs, with a plaintext briefing for it; who
 * commissions it is the caller (commissionedBy, if given, must name the caller).
 */
record CommissionRequest(
        @NotBlank @Size(max = 200) String providerId,
        @NotNull ServiceType serviceType,
        @NotBlank @Size(max = 200) String needAddressed,
        @NotNull LocalDate startBy,
        @Size(max = 200) String commissionedBy,
        @NotBlank @Size(max = 4000) String briefing) {
}
