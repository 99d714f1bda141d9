package org.pve.caseplatform.assessment.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.SecurityDestination;

/** The panel escalates the case to security: the assessment ends and the case leaves the preventive track. */
public record EscalateAssessment(
        @TargetAggregateIdentifier UUID caseId,
        String reason,
        String escalatedBy,
        SecurityDestination escalatedTo) {
}
