package org.pve.caseplatform.assessment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.assessment.api.AssessmentStage;
import org.pve.caseplatform.assessment.api.EndorseFormulation;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.OpenAssessment;
import org.pve.caseplatform.assessment.api.ProposeFormulation;
import org.pve.caseplatform.assessment.api.RecordConfidentialityAgreement;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementExpired;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementRecorded;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.assessment.FormulationEndorsed;
import org.pve.caseplatform.contract.assessment.FormulationProposed;
import org.pve.caseplatform.support.domain.LifecycleViolation;

/**
 * A case's multi-agency assessment: formulations proposed in numbered versions, endorsed agency by agency, agreed
 * once every agency on the panel has endorsed the current version. A new proposal voids earlier endorsements.
 * Panel members' confidentiality agreements go on record here too, one per member, until expired.
 */
@Aggregate
class CaseAssessment {

    @AggregateIdentifier
    private UUID caseId;
    private String districtId;
    private String subjectRef;
    private List<Agency> requiredAgencies;
    private AssessmentStage stage;
    private FormulationProposed currentProposal;
    private List<Agency> endorsingAgencies;
    private final Map<String, ConfidentialityAgreementRecorded> agreementsOnRecord = new HashMap<>();

    CaseAssessment() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenAssessment command) {
        if (stage != null) {
            return;
        }
        apply(new AssessmentOpened(command.caseId(), command.districtId(), now(), command.subjectRef(),
                command.frameworkId(), command.frameworkVersion(), command.requiredAgencies(), command.dueAt()));
    }

    @CommandHandler
    int handle(ProposeFormulation command) {
        requireNotAgreed();
        int version = currentVersion() + 1;
        Agency lead = command.interventionLevel() == InterventionLevel.SECURITY_LED
                ? Agency.POLICE : command.leadAgency();
        apply(new FormulationProposed(caseId, districtId, now(), version, List.copyOf(command.needs()),
                command.interventionLevel(), lead, command.proposedBy(), command.summary()));
        return version;
    }

    @CommandHandler
    void handle(EndorseFormulation command) {
        requireNotAgreed();
        if (currentProposal == null || command.formulationVersion() != currentVersion()) {
            throw new LifecycleViolation("formulationVersion", "version " + command.formulationVersion()
                    + " is not the current proposal (current: " + currentVersion() + ")");
        }
        if (!requiredAgencies.contains(command.agency())) {
            throw new LifecycleViolation("agency", command.agency() + " is not on this case's panel "
                    + requiredAgencies);
        }
        if (endorsingAgencies.contains(command.agency())) {
            throw new LifecycleViolation("agency", command.agency() + " already endorsed version "
                    + command.formulationVersion());
        }
        apply(new FormulationEndorsed(caseId, districtId, now(), command.formulationVersion(), command.agency(),
                command.endorsedBy()));
        if (endorsingAgencies.containsAll(requiredAgencies)) {
            apply(new FormulationAgreed(caseId, districtId, now(), subjectRef, currentProposal.formulationVersion(),
                    currentProposal.needs(), currentProposal.interventionLevel(), currentProposal.leadAgency(),
                    List.copyOf(endorsingAgencies)));
        }
    }

    @CommandHandler
    void handle(RecordConfidentialityAgreement command) {
        apply(new ConfidentialityAgreementRecorded(caseId, districtId, now(), command.memberId(), command.agency(),
                command.validUntil(), command.recordedBy()));
    }

    @CommandHandler
    void handle(ExpireConfidentialityAgreement command) {
        ConfidentialityAgreementRecorded agreement = agreementsOnRecord.get(command.memberId());
        if (command.scheduled()) {
            if (agreement == null || agreement.validUntil().isAfter(command.scheduledFor())) {
                return;
            }
        } else if (agreement == null) {
            throw new LifecycleViolation("memberId", "no confidentiality agreement of this member is active for "
                    + "the case");
        }
        apply(new ConfidentialityAgreementExpired(caseId, districtId, now(), agreement.memberId(),
                agreement.agency(), command.expiredBy()));
    }

    @EventSourcingHandler
    void on(AssessmentOpened event) {
        caseId = event.caseId();
        districtId = event.districtId();
        subjectRef = event.subjectRef();
        requiredAgencies = List.copyOf(event.requiredAgencies());
        stage = AssessmentStage.OPEN;
        endorsingAgencies = new ArrayList<>();
    }

    @EventSourcingHandler
    void on(FormulationProposed event) {
        currentProposal = event;
        endorsingAgencies = new ArrayList<>();
    }

    @EventSourcingHandler
    void on(FormulationEndorsed event) {
        endorsingAgencies.add(event.agency());
    }

    @EventSourcingHandler
    void on(FormulationAgreed event) {
        stage = AssessmentStage.FORMULATION_AGREED;
    }

    @EventSourcingHandler
    void on(ConfidentialityAgreementRecorded event) {
        agreementsOnRecord.put(event.memberId(), event);
    }

    @EventSourcingHandler
    void on(ConfidentialityAgreementExpired event) {
        agreementsOnRecord.remove(event.memberId());
    }

    private int currentVersion() {
        return currentProposal == null ? 0 : currentProposal.formulationVersion();
    }

    private void requireNotAgreed() {
        if (stage == AssessmentStage.FORMULATION_AGREED) {
            throw new LifecycleViolation("stage", "the formulation was already agreed; the assessment is closed to "
                    + "new proposals and endorsements");
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
