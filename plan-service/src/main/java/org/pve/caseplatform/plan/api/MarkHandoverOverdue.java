package org.pve.caseplatform.plan.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The handover deadline came: the plan records it overdue once, unless a case owner was assigned first. */
public record MarkHandoverOverdue(@TargetAggregateIdentifier UUID caseId, Instant dueAt) {
}
