package org.pve.caseplatform.plan.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A review deadline came: the plan records it overdue once if that review is still the one due. */
public record MarkReviewOverdue(@TargetAggregateIdentifier UUID caseId, Instant dueAt) {
}
