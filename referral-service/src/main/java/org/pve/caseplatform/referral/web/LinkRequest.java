package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The screener's decision about one proposed case: link the referral to it, or reject it as not the person. */
record LinkRequest(@NotNull UUID caseId, @NotBlank @Size(max = 200) String decidedBy) {
}
