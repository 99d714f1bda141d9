package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.FamilyRelation;

/** Another member's case joined an existing family group. */
public record CaseAddedToFamily(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID familyId,
        FamilyRelation relation,
        String addedBy) implements CaseEvent {
}
