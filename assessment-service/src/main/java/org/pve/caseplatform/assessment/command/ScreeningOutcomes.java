package org.pve.caseplatform.assessment.command;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.api.AssessmentFramework;
import org.pve.caseplatform.assessment.api.AssessmentFrameworks;
import org.pve.caseplatform.assessment.api.OpenAssessment;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.Causation;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.reference.District;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reacts to the police screen's outcomes on the referral topic: a cleared case gets its assessment, set up with its
 * district's framework, panel and deadline. Redelivery is harmless (opening is a no-op the second time); an event
 * from a district this build does not know is logged and skipped, since retrying cannot fix it.
 */
@Component
public class ScreeningOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ScreeningOutcomes.class);

    private final CommandGateway commands;
    private final DistrictDirectory districts;
    private final AssessmentFrameworks frameworks;

    public ScreeningOutcomes(CommandGateway commands, DistrictDirectory districts, AssessmentFrameworks frameworks) {
        this.commands = commands;
        this.districts = districts;
        this.frameworks = frameworks;
    }

    public void on(DeliveredEvent delivered) {
        if (delivered.event().orElse(null) instanceof SecurityScreenCleared cleared) {
            on(cleared, delivered);
        }
    }

    private void on(SecurityScreenCleared cleared, DeliveredEvent delivered) {
        Optional<District> district = districts.find(cleared.districtId());
        if (district.isEmpty()) {
            log.error("skipping SecurityScreenCleared for case {} at {}: unknown district '{}'", cleared.caseId(),
                    delivered.position(), cleared.districtId());
            return;
        }
        // the catalogue was checked at start-up to hold a version of every district's family
        AssessmentFramework framework = frameworks.latest(district.get().frameworkFamily()).orElseThrow();
        commands.sendAndWait(Causation.causedBy(delivered, open(cleared, district.get(), framework)));
    }

    /** The assessment opens with the latest published version of the district's framework family, and keeps it. */
    static OpenAssessment open(SecurityScreenCleared cleared, District district, AssessmentFramework framework) {
        return new OpenAssessment(cleared.caseId(), cleared.districtId(), cleared.subjectRef(),
                framework.family(), framework.version(), district.practiceModel().requiredAgencies(),
                cleared.occurredAt().plus(district.assessmentDue()));
    }
}
