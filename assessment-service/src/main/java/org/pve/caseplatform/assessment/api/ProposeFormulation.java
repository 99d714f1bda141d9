package org.pve.caseplatform.assessment.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;

/** Propose a (new version of the) formulation, its summary already encrypted; answers the version number. */
public record ProposeFormulation(
        @TargetAggregateIdentifier UUID caseId,
        List<String> needs,
        InterventionLevel interventionLevel,
        Agency leadAgency,
        String proposedBy,
        EncryptedValue summary) {
}
