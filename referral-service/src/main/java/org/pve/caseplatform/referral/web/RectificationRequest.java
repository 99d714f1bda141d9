package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.RectifiableField;
import org.pve.caseplatform.referral.api.NewReferral;

/**
 * A correction of one personal field with the reason for it: SUBJECT_IDENTITY with {@code subject}, or
 * CONCERN_SUMMARY with {@code concernSummary}.
 */
record RectificationRequest(@NotNull RectifiableField field, @Valid NewReferral.Subject subject,
                            @Size(max = 4000) String concernSummary, @NotBlank @Size(max = 4000) String reason) {
}
