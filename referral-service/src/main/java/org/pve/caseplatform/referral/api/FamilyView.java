package org.pve.caseplatform.referral.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.FamilyMember;

/** A family group: its members' cases (each person keeps a case of their own) and who formed it. */
public record FamilyView(UUID familyId, String districtId, List<FamilyMember> members, String formedBy,
                         Instant formedAt, long version) {
}
