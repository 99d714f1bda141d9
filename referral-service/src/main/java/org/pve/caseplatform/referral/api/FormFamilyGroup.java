package org.pve.caseplatform.referral.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.FamilyMember;

/** Group the cases of siblings and parents as a family; the first member founds it and names its district. */
public record FormFamilyGroup(@TargetAggregateIdentifier UUID familyId, String districtId,
                              List<FamilyMember> members, String formedBy) {
}
