package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deadline schedule once the assessment's dueAt has passed: records AssessmentOverdue if the assessment
 * is still open with no agreed formulation; changes nothing otherwise, or a second time.
 */
public record MarkAssessmentOverdue(
        @TargetAggregateIdentifier UUID caseId,
        Instant dueAt) {
}
