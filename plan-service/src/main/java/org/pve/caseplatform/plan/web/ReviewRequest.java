package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ReviewDecision;
import org.pve.caseplatform.contract.SecurityDestination;

/**
 * A case review's decision. CONTINUE and ADJUST_PLAN may name nextReviewDue (else one review cadence on); CLOSE
 * needs an outcome; ESCALATE needs escalatedTo and a reason. Who reviews is the caller (reviewedBy, if given, must
 * name the caller).
 */
record ReviewRequest(
        @NotNull ReviewDecision decision,
        Instant nextReviewDue,
        ClosureOutcome outcome,
        SecurityDestination escalatedTo,
        @Size(max = 2000) String reason,
        @Size(max = 200) String reviewedBy) {
}
