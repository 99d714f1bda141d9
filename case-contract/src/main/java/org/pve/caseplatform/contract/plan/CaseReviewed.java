package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ReviewDecision;

/** The case was reviewed with a decision; {@code nextReviewDue} is absent when the decision ends the plan. */
public record CaseReviewed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        ReviewDecision decision,
        Instant nextReviewDue,
        String reviewedBy) implements CaseEvent {
}
