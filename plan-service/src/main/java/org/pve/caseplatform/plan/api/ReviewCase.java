package org.pve.caseplatform.plan.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ReviewDecision;
import org.pve.caseplatform.contract.SecurityDestination;

/**
 * Review the case with a decision. CONTINUE and ADJUST_PLAN may name the next review's due date (else one cadence
 * on); CLOSE needs an outcome; ESCALATE needs where to and why.
 */
public record ReviewCase(@TargetAggregateIdentifier UUID caseId, ReviewDecision decision, Instant nextReviewDue,
                         ClosureOutcome outcome, SecurityDestination escalatedTo, String reason,
                         String reviewedBy) {
}
