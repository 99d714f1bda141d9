package org.pve.caseplatform.plan.query.family;

import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.FamilyRelation;

/** A family group as the plan service knows it from the referral topic: its district and its members' cases. */
public record FamilyGroup(UUID familyId, String districtId, List<Member> members) {

    public FamilyGroup {
        members = List.copyOf(members);
    }

    /** One member's case, with the member's relation. */
    public record Member(UUID caseId, FamilyRelation relation) {
    }
}
