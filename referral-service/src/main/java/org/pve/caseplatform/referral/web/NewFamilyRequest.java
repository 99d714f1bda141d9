package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.FamilyRelation;

/** A family group to form: at least two members' cases, the first founding it, and who formed it. */
record NewFamilyRequest(@NotNull @Size(min = 2, max = 50) List<@Valid @NotNull Member> members,
                        @Size(max = 200) String formedBy) {

    /** One member's case and relation. */
    record Member(@NotNull UUID caseId, @NotNull FamilyRelation relation) {
    }
}
