package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A commission's start-by date passed: the plan records it stalled once if its delivery has not started. */
public record MarkCommissionStalled(@TargetAggregateIdentifier UUID caseId, UUID commissionId) {
}
