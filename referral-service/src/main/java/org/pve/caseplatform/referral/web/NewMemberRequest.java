package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.pve.caseplatform.contract.FamilyRelation;

/** One more member's case for a family group. */
record NewMemberRequest(@NotNull UUID caseId, @NotNull FamilyRelation relation,
                        @Size(max = 200) String addedBy) {
}
