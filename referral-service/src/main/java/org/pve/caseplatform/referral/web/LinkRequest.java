package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The screener's decision about one proposed case: link the referral to it, or reject it as not the person
 * ({@code decidedBy}, if given, must be the signed-in caller). */
record LinkRequest(@NotNull UUID caseId, @Size(max = 200) String decidedBy) {
}
