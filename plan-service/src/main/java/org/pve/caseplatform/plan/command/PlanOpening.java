package org.pve.caseplatform.plan.command;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.plan.api.OpenPlan;
import org.pve.caseplatform.support.kafka.Causation;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.reference.District;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a management plan when an assessment's formulation is agreed, with the district's review cadence and the
 * formulation's lead and endorsing (panel) agencies, after
 * recording the case's lead agency (to whom the plan belongs). A redelivered FormulationAgreed finds the plan already
 * open and changes nothing.
 */
@Component
public class PlanOpening {

    private static final Logger log = LoggerFactory.getLogger(PlanOpening.class);

    private final CommandGateway commands;
    private final DistrictDirectory districts;
    private final LeadAgencies leadAgencies;

    public PlanOpening(CommandGateway commands, DistrictDirectory districts, LeadAgencies leadAgencies) {
        this.commands = commands;
        this.districts = districts;
        this.leadAgencies = leadAgencies;
    }

    public void on(DeliveredEvent delivered) {
        if (delivered.event().orElse(null) instanceof FormulationAgreed agreed) {
            on(agreed, delivered);
        }
    }

    private void on(FormulationAgreed agreed, DeliveredEvent delivered) {
        Optional<District> district = districts.find(agreed.districtId());
        if (district.isEmpty()) {
            log.warn("FormulationAgreed at {} names unknown district {}: no plan opened for case {}", delivered.position(),
                    agreed.districtId(), agreed.caseId());
            return;
        }
        if (agreed.leadAgency() != null) {
            leadAgencies.record(agreed.caseId(), agreed.leadAgency());
        }
        commands.sendAndWait(Causation.causedBy(delivered, new OpenPlan(agreed.caseId(), agreed.districtId(),
                agreed.subjectRef(), agreed.formulationVersion(), agreed.needs(), agreed.interventionLevel(),
                district.get().reviewCadenceDays(), agreed.leadAgency(), agreed.endorsingAgencies())));
    }
}
