package org.pve.caseplatform.assessment.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The panel concludes that no intervention is needed: the assessment ends without a plan. */
public record ConcludeNoFurtherAction(
        @TargetAggregateIdentifier UUID caseId,
        String rationale,
        String concludedBy) {
}
