package org.pve.caseplatform.assessment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.assessment.api.AssessmentFramework;
import org.pve.caseplatform.assessment.api.AssessmentFrameworks;
import org.pve.caseplatform.assessment.api.AssessmentStage;
import org.pve.caseplatform.assessment.api.ConcludeNoFurtherAction;
import org.pve.caseplatform.assessment.api.DescribeRiskScenario;
import org.pve.caseplatform.assessment.api.EndorseFormulation;
import org.pve.caseplatform.assessment.api.EscalateAssessment;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.MarkAssessmentOverdue;
import org.pve.caseplatform.assessment.api.OpenAssessment;
import org.pve.caseplatform.assessment.api.ProposeFormulation;
import org.pve.caseplatform.assessment.api.RateFactor;
import org.pve.caseplatform.assessment.api.RecordChronologyEntry;
import org.pve.caseplatform.assessment.api.RecordConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.RecordPanelDecision;
import org.pve.caseplatform.assessment.api.ShareAgencyInformation;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.assessment.AgencyInformationShared;
import org.pve.caseplatform.contract.assessment.AssessmentConcludedNoFurtherAction;
import org.pve.caseplatform.contract.assessment.AssessmentEscalatedToSecurity;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.assessment.AssessmentOverdue;
import org.pve.caseplatform.contract.assessment.ChronologyEntryRecorded;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementExpired;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementRecorded;
import org.pve.caseplatform.contract.assessment.FactorRated;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.assessment.FormulationEndorsed;
import org.pve.caseplatform.contract.assessment.FormulationProposed;
import org.pve.caseplatform.contract.assessment.PanelDecisionRecorded;
import org.pve.caseplatform.contract.assessment.RiskScenarioDescribed;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.StaleVersion;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.pve.caseplatform.support.web.Versions;

/**
 * A case's multi-agency assessment: formulations proposed in numbered versions, endorsed agency by agency, agreed
 * once every agency on the panel has endorsed the current version. A new proposal voids earlier endorsements.
 * Panel members' confidentiality agreements go on record here too, one per member, until expired. While open, the
 * panel agencies share information (on a legal basis the practice model allows, never for prosecution) and rate
 * factors (0 to 3); an escalation to security or a conclusion of no further action ends the assessment. One still
 * open when its dueAt passes is marked overdue, once. Ratings name a domain and factor of the framework version the
 * assessment was opened with, never a later one; a chronology entry (dated no later than today) or a risk scenario
 * (likelihood 0 to 3) is taken only when that version has the section. A change sent with the version its author
 * saw (If-Match, carried as metadata) is refused when the assessment has moved on since.
 */
@Aggregate
class CaseAssessment {

    @AggregateIdentifier
    private UUID caseId;
    private String districtId;
    private String subjectRef;
    private String frameworkId;
    private int frameworkVersion;
    private List<Agency> requiredAgencies;
    private AssessmentStage stage;
    private FormulationProposed currentProposal;
    private List<Agency> endorsingAgencies;
    private Instant dueAt;
    private boolean overdue;
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
    int handle(ProposeFormulation command, @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireVersion(expectedVersion);
        requireOpen();
        int version = currentVersion() + 1;
        Agency lead = command.interventionLevel() == InterventionLevel.SECURITY_LED
                ? Agency.POLICE : command.leadAgency();
        apply(new FormulationProposed(caseId, districtId, now(), version, List.copyOf(command.needs()),
                command.interventionLevel(), lead, command.proposedBy(), command.summary()));
        return version;
    }

    @CommandHandler
    void handle(EndorseFormulation command, @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireVersion(expectedVersion);
        requireOpen();
        if (currentProposal == null || command.formulationVersion() != currentVersion()) {
            throw new LifecycleViolation("formulationVersion", "version " + command.formulationVersion()
                    + " is not the current proposal (current: " + currentVersion() + ")");
        }
        requireOnPanel(command.agency());
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
    void handle(ShareAgencyInformation command, @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireContribution(expectedVersion, command.agency());
        if (command.legalBasis() == null || !command.permittedLegalBases().contains(command.legalBasis())) {
            throw new InvalidRequest("legalBasis", command.legalBasis() + " is not a legal basis of the "
                    + command.practiceModel() + " practice model " + command.permittedLegalBases());
        }
        if (command.purpose() == null) {
            throw new InvalidRequest("purpose", "is required: SUPPORT or SAFEGUARDING (never prosecution)");
        }
        apply(new AgencyInformationShared(caseId, districtId, now(), command.agency(), command.sharedBy(),
                command.legalBasis(), command.purpose(), command.summary()));
    }

    @CommandHandler
    void handle(RateFactor command, AssessmentFrameworks frameworks,
                @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireContribution(expectedVersion, command.agency());
        AssessmentFramework framework = framework(frameworks);
        AssessmentFramework.Domain domain = framework.domain(command.domain())
                .orElseThrow(() -> new InvalidRequest("domain", "is not a domain of " + framework.reference() + ": "
                        + framework.domains().stream().map(AssessmentFramework.Domain::id).toList()));
        if (domain.factor(command.factorId()).isEmpty()) {
            throw new InvalidRequest("factorId", "is not a factor of domain " + domain.id() + " in "
                    + framework.reference() + ": " + domain.factors().stream().map(AssessmentFramework.Factor::id)
                    .toList());
        }
        if (command.rating() < RateFactor.LOWEST_RATING || command.rating() > RateFactor.HIGHEST_RATING) {
            throw new InvalidRequest("rating", "must be from " + RateFactor.LOWEST_RATING + " to "
                    + RateFactor.HIGHEST_RATING);
        }
        apply(new FactorRated(caseId, districtId, now(), command.factorId(), command.domain(), command.rating(),
                command.evidence(), command.ratedBy(), command.agency()));
    }

    @CommandHandler
    void handle(RecordChronologyEntry command, AssessmentFrameworks frameworks,
                @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireContribution(expectedVersion, command.agency());
        requireSection(framework(frameworks), AssessmentFramework.Section.CHRONOLOGY);
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        if (command.happenedOn() == null || command.happenedOn().isAfter(today)) {
            throw new InvalidRequest("happenedOn", "is required and may not lie in the future (today, UTC: "
                    + today + ")");
        }
        apply(new ChronologyEntryRecorded(caseId, districtId, now(), command.happenedOn(), command.entry(),
                command.agency(), command.recordedBy()));
    }

    @CommandHandler
    void handle(DescribeRiskScenario command, AssessmentFrameworks frameworks,
                @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireContribution(expectedVersion, command.agency());
        requireSection(framework(frameworks), AssessmentFramework.Section.SCENARIOS);
        if (command.likelihood() < DescribeRiskScenario.LOWEST_LIKELIHOOD
                || command.likelihood() > DescribeRiskScenario.HIGHEST_LIKELIHOOD) {
            throw new InvalidRequest("likelihood", "must be from " + DescribeRiskScenario.LOWEST_LIKELIHOOD + " to "
                    + DescribeRiskScenario.HIGHEST_LIKELIHOOD);
        }
        apply(new RiskScenarioDescribed(caseId, districtId, now(), command.scenario(), command.likelihood(),
                command.agency(), command.describedBy()));
    }

    @CommandHandler
    void handle(EscalateAssessment command, @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireVersion(expectedVersion);
        requireOpen();
        apply(new AssessmentEscalatedToSecurity(caseId, districtId, now(), command.reason(), command.escalatedBy(),
                command.escalatedTo()));
    }

    @CommandHandler
    void handle(ConcludeNoFurtherAction command, @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireVersion(expectedVersion);
        requireOpen();
        apply(new AssessmentConcludedNoFurtherAction(caseId, districtId, now(), command.rationale(),
                command.concludedBy()));
    }

    /** A panel meeting's decision; one that ends the assessment also records the ending the platform reacts to. */
    @CommandHandler
    void handle(RecordPanelDecision command, @MetaDataValue(Versions.EXPECTED_VERSION) Long expectedVersion) {
        requireVersion(expectedVersion);
        PanelDecisionRules.check(command, caseId, districtId);
        requireOpen();
        UUID meetingId = command.meeting().meetingId();
        apply(new PanelDecisionRecorded(caseId, districtId, now(), meetingId, command.decision(), command.rationale(),
                command.decidedBy(), command.escalatedTo()));
        String reference = "decided at panel meeting " + meetingId;
        switch (command.decision()) {
            case CONCLUDE_NO_FURTHER_ACTION -> apply(new AssessmentConcludedNoFurtherAction(caseId, districtId, now(),
                    reference, command.decidedBy()));
            case ESCALATE_TO_SECURITY -> apply(new AssessmentEscalatedToSecurity(caseId, districtId, now(), reference,
                    command.decidedBy(), command.escalatedTo()));
            default -> {
            }
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

    @CommandHandler
    void handle(MarkAssessmentOverdue command) {
        if (stage != AssessmentStage.OPEN || overdue || dueAt == null || dueAt.isAfter(command.dueAt())) {
            return;
        }
        apply(new AssessmentOverdue(caseId, districtId, now(), dueAt));
    }

    @EventSourcingHandler
    void on(AssessmentOpened event) {
        caseId = event.caseId();
        districtId = event.districtId();
        subjectRef = event.subjectRef();
        frameworkId = event.frameworkFamily();
        frameworkVersion = event.frameworkVersion();
        requiredAgencies = List.copyOf(event.requiredAgencies());
        stage = AssessmentStage.OPEN;
        endorsingAgencies = new ArrayList<>();
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(AssessmentOverdue event) {
        overdue = true;
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
    void on(AssessmentEscalatedToSecurity event) {
        stage = AssessmentStage.ESCALATED_TO_SECURITY;
    }

    @EventSourcingHandler
    void on(AssessmentConcludedNoFurtherAction event) {
        stage = AssessmentStage.CONCLUDED_NO_FURTHER_ACTION;
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

    /** A change sent with If-Match must be based on the version the assessment is at (412 otherwise). */
    private static void requireVersion(Long expectedVersion) {
        Long current = AggregateLifecycle.getVersion();
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw new StaleVersion(expectedVersion, current == null ? -1 : current);
        }
    }

    /** A panel agency's contribution: based on the current version, to an open assessment, by a panel agency. */
    private void requireContribution(Long expectedVersion, Agency agency) {
        requireVersion(expectedVersion);
        requireOpen();
        requireOnPanel(agency);
    }

    private void requireOpen() {
        switch (stage) {
            case OPEN -> {
            }
            case FORMULATION_AGREED -> throw new LifecycleViolation("stage", "the formulation was already agreed; "
                    + "the assessment is closed to new proposals, endorsements and contributions");
            case ESCALATED_TO_SECURITY -> throw new LifecycleViolation("stage", "the assessment was escalated to "
                    + "security; the case left the preventive track");
            case CONCLUDED_NO_FURTHER_ACTION -> throw new LifecycleViolation("stage", "the assessment was "
                    + "concluded with no further action");
        }
    }

    private void requireOnPanel(Agency agency) {
        if (!requiredAgencies.contains(agency)) {
            throw new LifecycleViolation("agency", agency + " is not on this case's panel " + requiredAgencies);
        }
    }

    /** The framework version the assessment was opened with (409 if it is no longer published). */
    private AssessmentFramework framework(AssessmentFrameworks frameworks) {
        return frameworks.find(frameworkId, frameworkVersion)
                .orElseThrow(() -> new LifecycleViolation("framework", "framework " + frameworkId + " v"
                        + frameworkVersion + ", which this assessment was opened with, is no longer published"));
    }

    private static void requireSection(AssessmentFramework framework, AssessmentFramework.Section section) {
        if (!framework.has(section)) {
            throw new InvalidRequest("section", framework.reference() + " has no " + section + " section (its "
                    + "sections: " + framework.sections() + ")");
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
