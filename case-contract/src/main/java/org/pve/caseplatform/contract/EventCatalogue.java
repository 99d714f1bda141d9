package org.pve.caseplatform.contract;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
import org.pve.caseplatform.contract.assessment.PanelMeetingScheduled;
import org.pve.caseplatform.contract.assessment.RiskScenarioDescribed;
import org.pve.caseplatform.contract.governance.CaseRecordAccessed;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.CaseEscalatedToSecurity;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
import org.pve.caseplatform.contract.plan.CaseReviewed;
import org.pve.caseplatform.contract.plan.CommissionStalled;
import org.pve.caseplatform.contract.plan.CommissionSuspended;
import org.pve.caseplatform.contract.plan.ConsentRecorded;
import org.pve.caseplatform.contract.plan.ConsentWithdrawn;
import org.pve.caseplatform.contract.plan.HandoverOverdue;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.plan.ProgressReported;
import org.pve.caseplatform.contract.plan.ReviewBroughtForward;
import org.pve.caseplatform.contract.plan.ReviewOverdue;
import org.pve.caseplatform.contract.plan.ServiceAccepted;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.contract.plan.ServiceCompleted;
import org.pve.caseplatform.contract.plan.ServiceDeclined;
import org.pve.caseplatform.contract.plan.ServiceDeliveryStarted;
import org.pve.caseplatform.contract.referral.CaseAddedToFamily;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.PersonalDataRectified;
import org.pve.caseplatform.contract.referral.ProbableMatchRejected;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralLinkedToCase;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.ReferralUnlinkedFromCase;
import org.pve.caseplatform.contract.referral.ScreeningOverdue;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;

/**
 * The published events: wire name (never a Java class name), current revision, topic. The one place that maps
 * between the names in Kafka headers and the records.
 */
public final class EventCatalogue {

    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();
    /** Events past their first revision; each earlier revision has an upcaster (contract.upcasting). */
    private static final Map<Class<?>, Integer> REVISIONS = Map.of(AssessmentOpened.class, 2);

    static {
        register(Topics.REFERRAL_EVENTS, ReferralReceived.class, SecurityScreenCleared.class,
                ReferralEscalatedToSecurity.class, ReferralClosedNoFurtherAction.class, ReferralLinkedToCase.class,
                ReferralUnlinkedFromCase.class, ProbableMatchRejected.class, FamilyGroupFormed.class,
                CaseAddedToFamily.class, CaseReturnedFromSecurity.class, ScreeningOverdue.class,
                IdentityRevealed.class, PersonalDataErased.class, PersonalDataRectified.class);
        register(Topics.ASSESSMENT_EVENTS, AssessmentOpened.class, FormulationProposed.class,
                FormulationEndorsed.class, FormulationAgreed.class, ConfidentialityAgreementRecorded.class,
                ConfidentialityAgreementExpired.class, AgencyInformationShared.class, FactorRated.class,
                AssessmentEscalatedToSecurity.class, AssessmentConcludedNoFurtherAction.class,
                AssessmentOverdue.class, PanelMeetingScheduled.class, PanelDecisionRecorded.class,
                ChronologyEntryRecorded.class, RiskScenarioDescribed.class);
        register(Topics.PLAN_EVENTS, PlanOpened.class, CaseOwnerAssigned.class, ServiceCommissioned.class,
                ServiceAccepted.class, ServiceDeclined.class, ServiceDeliveryStarted.class, ProgressReported.class,
                ServiceCompleted.class, CaseClosed.class, ConsentRecorded.class, ConsentWithdrawn.class,
                CommissionSuspended.class, HandoverOverdue.class, ReviewBroughtForward.class, ReviewOverdue.class,
                CaseReviewed.class, CommissionStalled.class, CaseEscalatedToSecurity.class);
        register(Topics.ACCESS_LOG, CaseRecordAccessed.class);
    }

    private EventCatalogue() {
    }

    @SafeVarargs
    private static void register(String topic, Class<? extends CaseEvent>... classes) {
        for (Class<? extends CaseEvent> recordClass : classes) {
            EventType type = new EventType(recordClass.getSimpleName(), REVISIONS.getOrDefault(recordClass, 1), topic,
                    recordClass);
            BY_NAME.put(type.name(), type);
            BY_CLASS.put(recordClass, type);
        }
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(Class<?> recordClass) {
        EventType type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException("not a catalogued event: " + recordClass.getName());
        }
        return type;
    }

    public static boolean isCatalogued(Class<?> recordClass) {
        return BY_CLASS.containsKey(recordClass);
    }

    public static Collection<EventType> all() {
        return BY_NAME.values();
    }
}
