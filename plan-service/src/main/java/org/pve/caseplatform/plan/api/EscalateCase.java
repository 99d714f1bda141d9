package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.SecurityDestination;

/** Escalate the case to the security services: the plan takes no further commands. */
public record EscalateCase(@TargetAggregateIdentifier UUID caseId, String reason, SecurityDestination escalatedTo,
                           String escalatedBy) {
}
