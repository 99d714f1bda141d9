package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.NoFurtherActionReason;
import org.pve.caseplatform.contract.SecurityDestination;

/**
 * A screener's decision: CLEAR, ESCALATE (with escalatedTo) or CLOSE (with reason), always with a rationale. The
 * screener is the signed-in caller; {@code screenedBy} may still name them, and only them.
 */
record ScreeningRequest(
        @NotNull Decision decision,
        @Size(max = 200) String screenedBy,
        @NotBlank @Size(max = 4000) String rationale,
        SecurityDestination escalatedTo,
        NoFurtherActionReason reason) {

    enum Decision { CLEAR, ESCALATE, CLOSE }
}
