package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.FamilyMember;

/** Cases of siblings and parents were grouped as a family; each member keeps a case of their own. */
public record FamilyGroupFormed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID familyId,
        List<FamilyMember> members,
        String formedBy) implements CaseEvent {
}
