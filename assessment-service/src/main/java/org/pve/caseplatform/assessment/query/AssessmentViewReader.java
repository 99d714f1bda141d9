package org.pve.caseplatform.assessment.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.pve.caseplatform.assessment.api.AssessmentFramework;
import org.pve.caseplatform.assessment.api.AssessmentFrameworks;
import org.pve.caseplatform.assessment.api.AssessmentStage;
import org.pve.caseplatform.assessment.api.AssessmentView;
import org.pve.caseplatform.assessment.api.AssessmentView.ChronologyEntry;
import org.pve.caseplatform.assessment.api.AssessmentView.ConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.AssessmentView.Endorsement;
import org.pve.caseplatform.assessment.api.AssessmentView.Ending;
import org.pve.caseplatform.assessment.api.AssessmentView.FactorRating;
import org.pve.caseplatform.assessment.api.AssessmentView.Formulation;
import org.pve.caseplatform.assessment.api.AssessmentView.InformationShared;
import org.pve.caseplatform.assessment.api.AssessmentView.PanelDecisionTaken;
import org.pve.caseplatform.assessment.api.AssessmentView.RiskScenario;
import org.pve.caseplatform.contract.CaseEvent;
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
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.EventStreams;
import org.springframework.stereotype.Component;

/**
 * Builds a case's assessment view from the assessment's own events, decrypting what the key store can still open.
 * An agreement counts as active on the clock's present: not expired, and its validUntil still ahead, so one past
 * its time no longer counts even before the expiry schedule has recorded its end.
 */
@Component
public class AssessmentViewReader {

    private final EventStreams streams;
    private final PersonalDataVault vault;
    private final Clock clock;
    private final AssessmentFrameworks frameworks;

    public AssessmentViewReader(EventStreams streams, PersonalDataVault vault, Clock clock,
                                AssessmentFrameworks frameworks) {
        this.streams = streams;
        this.vault = vault;
        this.clock = clock;
        this.frameworks = frameworks;
    }

    public AssessmentView find(UUID caseId) {
        EventStreams.Stream stream = streams.of(caseId.toString());
        Fold fold = new Fold();
        stream.events().forEach(fold::apply);
        if (fold.opened == null) {
            throw new UnknownRecord(caseId.toString());
        }
        return fold.view(stream.version(), clock.instant());
    }

    /** The view under construction: formulations and their endorsements grow as the events come. */
    private final class Fold {

        private AssessmentOpened opened;
        private AssessmentStage stage;
        private final List<Formulation> formulations = new ArrayList<>();
        private final Map<String, ConfidentialityAgreementRecorded> agreements = new LinkedHashMap<>();
        private final Map<String, Boolean> expired = new LinkedHashMap<>();
        private final List<InformationShared> information = new ArrayList<>();
        private final Map<String, Map<String, FactorRating>> ratings = new LinkedHashMap<>();
        private Ending ending;
        private boolean overdue;
        private final List<PanelDecisionTaken> decisions = new ArrayList<>();
        private final List<ChronologyEntry> chronology = new ArrayList<>();
        private final List<RiskScenario> scenarios = new ArrayList<>();

        void apply(CaseEvent event) {
            if (event instanceof AssessmentOpened e) {
                opened = e;
                stage = AssessmentStage.OPEN;
            } else if (event instanceof FormulationProposed e) {
                formulations.add(new Formulation(e.formulationVersion(), e.needs(), e.interventionLevel(),
                        e.leadAgency(), e.proposedBy(), vault.decrypt(e.summary()).orElse(null), e.occurredAt(),
                        List.of(), false));
            } else if (event instanceof FormulationEndorsed e) {
                replace(e.formulationVersion(), f -> new Formulation(f.version(), f.needs(), f.interventionLevel(),
                        f.leadAgency(), f.proposedBy(), f.summary(), f.proposedAt(),
                        append(f.endorsements(), new Endorsement(e.agency(), e.endorsedBy(), e.occurredAt())),
                        f.agreed()));
            } else if (event instanceof FormulationAgreed e) {
                stage = AssessmentStage.FORMULATION_AGREED;
                replace(e.formulationVersion(), f -> new Formulation(f.version(), f.needs(), f.interventionLevel(),
                        f.leadAgency(), f.proposedBy(), f.summary(), f.proposedAt(), f.endorsements(), true));
            } else if (event instanceof ConfidentialityAgreementRecorded e) {
                agreements.put(e.memberId(), e);
                expired.put(e.memberId(), false);
            } else if (event instanceof ConfidentialityAgreementExpired e) {
                expired.put(e.memberId(), true);
            } else if (event instanceof AgencyInformationShared e) {
                information.add(new InformationShared(e.agency(), e.sharedBy(), e.legalBasis(), e.purpose(),
                        vault.decrypt(e.summary()).orElse(null), e.occurredAt()));
            } else if (event instanceof FactorRated e) {
                ratings.computeIfAbsent(e.domain(), domain -> new LinkedHashMap<>())
                        .put(e.factorId() + "/" + e.agency(), new FactorRating(e.factorId(), e.rating(), e.agency(),
                                e.ratedBy(), vault.decrypt(e.evidence()).orElse(null), e.occurredAt()));
            } else if (event instanceof AssessmentEscalatedToSecurity e) {
                stage = AssessmentStage.ESCALATED_TO_SECURITY;
                ending = new Ending(stage, e.escalatedBy(), e.reason(), e.escalatedTo(), e.occurredAt());
            } else if (event instanceof PanelDecisionRecorded e) {
                decisions.add(new PanelDecisionTaken(e.meetingId(), e.decision(),
                        vault.decrypt(e.rationale()).orElse(null), e.decidedBy(), e.escalatedTo(), e.occurredAt()));
            } else if (event instanceof ChronologyEntryRecorded e) {
                chronology.add(new ChronologyEntry(e.happenedOn(), vault.decrypt(e.entry()).orElse(null), e.agency(),
                        e.recordedBy(), e.occurredAt()));
            } else if (event instanceof RiskScenarioDescribed e) {
                scenarios.add(new RiskScenario(vault.decrypt(e.scenario()).orElse(null), e.likelihood(), e.agency(),
                        e.describedBy(), e.occurredAt()));
            } else if (event instanceof AssessmentOverdue) {
                overdue = true;
            } else if (event instanceof AssessmentConcludedNoFurtherAction e) {
                stage = AssessmentStage.CONCLUDED_NO_FURTHER_ACTION;
                ending = new Ending(stage, e.concludedBy(), e.rationale(), null, e.occurredAt());
            }
        }

        AssessmentView view(long version, Instant now) {
            List<ConfidentialityAgreement> onRecord = agreements.values().stream()
                    .map(a -> new ConfidentialityAgreement(a.memberId(), a.agency(), a.validUntil(),
                            !expired.get(a.memberId()) && a.validUntil().isAfter(now)))
                    .toList();
            AssessmentFramework framework = frameworks.find(opened.frameworkFamily(), opened.frameworkVersion())
                    .orElse(null);
            return new AssessmentView(opened.caseId(), opened.districtId(), opened.subjectRef(),
                    opened.frameworkFamily(), opened.frameworkVersion(), opened.requiredAgencies(), opened.occurredAt(),
                    opened.dueAt(), stage, List.copyOf(formulations), onRecord, List.copyOf(information),
                    factorProfile(framework), ending, overdue, version, framework, List.copyOf(decisions),
                    chronology.stream().sorted(Comparator.comparing(ChronologyEntry::happenedOn)).toList(),
                    List.copyOf(scenarios));
        }

        /** Every domain of the framework in its order, then any rated domain it does not name (none, normally). */
        private Map<String, List<FactorRating>> factorProfile(AssessmentFramework framework) {
            Map<String, List<FactorRating>> profile = new LinkedHashMap<>();
            if (framework != null) {
                framework.domains().forEach(domain -> profile.put(domain.id(), List.of()));
            }
            ratings.forEach((domain, latest) -> profile.put(domain, List.copyOf(latest.values())));
            return profile;
        }

        private void replace(int version, UnaryOperator<Formulation> change) {
            formulations.replaceAll(f -> f.version() == version ? change.apply(f) : f);
        }
    }

    private static List<Endorsement> append(List<Endorsement> endorsements, Endorsement endorsement) {
        List<Endorsement> more = new ArrayList<>(endorsements);
        more.add(endorsement);
        return List.copyOf(more);
    }
}
