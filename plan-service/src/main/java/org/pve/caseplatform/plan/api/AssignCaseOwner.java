package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;

/** Make a lead professional of an agency the owner of the plan (again, when ownership passes on). */
public record AssignCaseOwner(@TargetAggregateIdentifier UUID caseId, String ownerRef, Agency agency) {
}
