package org.pve.caseplatform.assessment.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;

/** One agency on the panel endorses a version of the formulation. */
public record EndorseFormulation(
        @TargetAggregateIdentifier UUID caseId,
        int formulationVersion,
        Agency agency,
        String endorsedBy) {
}
