package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.FamilyRelation;

/** Add one more member's case to a family group. */
public record AddCaseToFamily(@TargetAggregateIdentifier UUID familyId, UUID caseId, String districtId,
                              FamilyRelation relation, String addedBy) {
}
