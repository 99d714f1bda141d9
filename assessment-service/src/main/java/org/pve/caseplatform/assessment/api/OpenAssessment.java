package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;

/** Open the case's assessment, with its district's framework and panel; a second time it changes nothing. */
public record OpenAssessment(
        @TargetAggregateIdentifier UUID caseId,
        String districtId,
        String subjectRef,
        String frameworkId,
        int frameworkVersion,
        List<Agency> requiredAgencies,
        Instant dueAt) {
}
