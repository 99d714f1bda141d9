package org.pve.caseplatform.plan.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.InterventionLevel;

/**
 * Open the case's management plan from its agreed formulation, with the formulation's lead agency and the agencies
 * that endorsed it (the panel); a second open of the same case changes nothing.
 */
public record OpenPlan(
        @TargetAggregateIdentifier UUID caseId,
        String districtId,
        String subjectRef,
        int formulationVersion,
        List<String> needs,
        InterventionLevel interventionLevel,
        int reviewCadenceDays,
        Agency leadAgency,
        List<Agency> panelAgencies) {
}
