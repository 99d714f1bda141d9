package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Which consent is withdrawn; who records it is the caller (withdrawnBy, if given, must name the caller). */
record WithdrawalRequest(
        @NotNull UUID consentId,
        @Size(max = 200) String withdrawnBy) {
}
