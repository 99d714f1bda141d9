package org.pve.caseplatform.plan.command;

import static org.pve.caseplatform.support.testing.Refusals.invalid;
import static org.pve.caseplatform.support.testing.Refusals.violationOf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.Engagement;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
import org.pve.caseplatform.contract.plan.ConsentRecorded;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.plan.ProgressReported;
import org.pve.caseplatform.contract.plan.ServiceAccepted;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.contract.plan.ServiceCompleted;
import org.pve.caseplatform.contract.plan.ServiceDeclined;
import org.pve.caseplatform.contract.plan.ServiceDeliveryStarted;
import org.pve.caseplatform.plan.api.AcceptService;
import org.pve.caseplatform.plan.api.AssignCaseOwner;
import org.pve.caseplatform.plan.api.CloseCase;
import org.pve.caseplatform.plan.api.CommissionService;
import org.pve.caseplatform.plan.api.CompleteService;
import org.pve.caseplatform.plan.api.DeclineService;
import org.pve.caseplatform.plan.api.OpenPlan;
import org.pve.caseplatform.plan.api.ReportProgress;
import org.pve.caseplatform.plan.api.StartServiceDelivery;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.UnknownRecord;

/** The plan's lifecycle: opening, ownership, commissions and their delivery, closure. */
class ManagementPlanTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c7");
    private static final UUID COMMISSION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID UNKNOWN_COMMISSION = UUID.fromString("00000000-0000-0000-0000-0000000000e9");
    private static final String DISTRICT = "dk-fyn";
    private static final String PROVIDER = "provider-mentor-house";
    private static final String OTHER_PROVIDER = "provider-elsewhere";
    private static final UUID CONSENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final List<Agency> PANEL = List.of(Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.EDUCATION);
    /** The registry as these tests see it: the two mentoring providers offer mentoring in the district. */
    static final ProviderOffers OFFERS = (providerId, type, districtId) -> Set.of(PROVIDER, OTHER_PROVIDER)
            .contains(providerId) && type == ServiceType.MENTORING && DISTRICT.equals(districtId);
    private static final List<String> NEEDS = List.of("mentoring", "education");
    private static final LocalDate START_BY = LocalDate.of(2031, 3, 1);
    private static final EncryptedValue BRIEFING = EncryptedValue.of("sub-7", "aXY=", "YnJpZWZpbmc=");
    private static final EncryptedValue SUMMARY = EncryptedValue.of("sub-7", "aXY=", "c3VtbWFyeQ==");

    private AggregateTestFixture<ManagementPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ManagementPlan.class);
        fixture.registerInjectableResource(OFFERS);
        fixture.registerInjectableResource((GuardianConsent) (caseId, districtId) -> false);
        fixture.registerInjectableResource(new ReviewPolicy(Duration.ofDays(7)));
    }

    @Test
    void anAgreedFormulationOpensThePlanWithTheDistrictsReviewCadence() {
        fixture.givenNoPriorActivity()
                .when(new OpenPlan(CASE, DISTRICT, "sub-7", 2, NEEDS, InterventionLevel.TARGETED, 30,
                        Agency.SOCIAL_SERVICES, PANEL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void openingThePlanAgainChangesNothing() {
        fixture.given(opened())
                .when(new OpenPlan(CASE, DISTRICT, "sub-7", 2, NEEDS, InterventionLevel.TARGETED, 30,
                        Agency.SOCIAL_SERVICES, PANEL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCaseOwnerIsAssigned() {
        fixture.given(opened())
                .when(new AssignCaseOwner(CASE, "owner-lene", Agency.SOCIAL_SERVICES))
                .expectEvents(new CaseOwnerAssigned(CASE, DISTRICT, fixture.currentTime(), "owner-lene",
                        Agency.SOCIAL_SERVICES));
    }

    @Test
    void ownershipCanPassToAnotherProfessionalOfThePanel() {
        fixture.given(opened(), ownerAssigned())
                .when(new AssignCaseOwner(CASE, "owner-jonas", Agency.EDUCATION))
                .expectEvents(new CaseOwnerAssigned(CASE, DISTRICT, fixture.currentTime(), "owner-jonas",
                        Agency.EDUCATION));
    }

    @Test
    void anOwnerFromAnAgencyOffThePanelIsRefused() {
        fixture.given(opened())
                .when(new AssignCaseOwner(CASE, "owner-jonas", Agency.MENTAL_HEALTH))
                .expectException(violationOf("agency"))
                .expectNoEvents();
    }

    @Test
    void aPlanOpenedBeforePanelsWereRecordedTakesAnOwnerOfAnyAgency() {
        fixture.given(new PlanOpened(CASE, DISTRICT, fixture.currentTime(), "sub-7", 2, NEEDS,
                        InterventionLevel.TARGETED, 30))
                .when(new AssignCaseOwner(CASE, "owner-jonas", Agency.MENTAL_HEALTH))
                .expectEvents(new CaseOwnerAssigned(CASE, DISTRICT, fixture.currentTime(), "owner-jonas",
                        Agency.MENTAL_HEALTH));
    }

    @Test
    void noOwnerCanBeAssignedToACaseWithoutAPlan() {
        fixture.givenNoPriorActivity()
                .when(new AssignCaseOwner(CASE, "owner-lene", Agency.SOCIAL_SERVICES))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aServiceIsCommissionedForOneOfThePlansNeeds() {
        fixture.given(opened(), ownerAssigned(), consented())
                .when(commission("mentoring"))
                .expectEvents(commissioned());
    }

    @Test
    void nothingIsCommissionedBeforeThePlanExists() {
        fixture.givenNoPriorActivity()
                .when(commission("mentoring"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void commissioningNeedsACaseOwnerFirst() {
        fixture.given(opened())
                .when(commission("mentoring"))
                .expectException(LifecycleViolation.class)
                .expectException(violationOf("owner"))
                .expectExceptionMessage("assign a case owner first")
                .expectNoEvents();
    }

    @Test
    void aServiceMustAddressANeedOfThePlan() {
        fixture.given(opened(), ownerAssigned(), consented())
                .when(commission("housing"))
                .expectException(invalid("needAddressed"))
                .expectNoEvents();
    }

    @Test
    void aCommissionIdIsUsedOnlyOnce() {
        fixture.given(opened(), ownerAssigned(), consented(), commissioned())
                .when(commission("education"))
                .expectException(violationOf("commissionId"))
                .expectNoEvents();
    }

    @Test
    void theProviderAcceptsItsCommission() {
        fixture.given(opened(), ownerAssigned(), commissioned())
                .when(new AcceptService(CASE, COMMISSION, PROVIDER))
                .expectEvents(new ServiceAccepted(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER));
    }

    @Test
    void theProviderDeclinesItsCommissionWithAReason() {
        fixture.given(opened(), ownerAssigned(), commissioned())
                .when(new DeclineService(CASE, COMMISSION, PROVIDER, "no capacity this quarter"))
                .expectEvents(new ServiceDeclined(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER,
                        "no capacity this quarter"));
    }

    @Test
    void anAcceptedCommissionCannotBeDeclined() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted())
                .when(new DeclineService(CASE, COMMISSION, PROVIDER, "changed our mind"))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void aCommissionIsAcceptedOnlyOnce() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted())
                .when(new AcceptService(CASE, COMMISSION, PROVIDER))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedCommissionCannotBeAccepted() {
        fixture.given(opened(), ownerAssigned(), commissioned(), declined())
                .when(new AcceptService(CASE, COMMISSION, PROVIDER))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void deliveryStartsOnceTheCommissionIsAccepted() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted())
                .when(new StartServiceDelivery(CASE, COMMISSION, PROVIDER))
                .expectEvents(new ServiceDeliveryStarted(CASE, DISTRICT, fixture.currentTime(), COMMISSION,
                        PROVIDER));
    }

    @Test
    void deliveryCannotStartBeforeTheCommissionIsAccepted() {
        fixture.given(opened(), ownerAssigned(), commissioned())
                .when(new StartServiceDelivery(CASE, COMMISSION, PROVIDER))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedCommissionIsNeverDelivered() {
        fixture.given(opened(), ownerAssigned(), commissioned(), declined())
                .when(new StartServiceDelivery(CASE, COMMISSION, PROVIDER))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void theProviderReportsProgressDuringDelivery() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted(), started())
                .when(new ReportProgress(CASE, COMMISSION, PROVIDER, Engagement.PARTIAL, false, SUMMARY))
                .expectEvents(new ProgressReported(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER,
                        Engagement.PARTIAL, false, SUMMARY));
    }

    @Test
    void progressIsReportedOnlyWhileTheServiceIsInDelivery() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted())
                .when(new ReportProgress(CASE, COMMISSION, PROVIDER, Engagement.ENGAGED, false, SUMMARY))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void noProgressIsReportedOnACompletedService() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted(), started(), completed())
                .when(new ReportProgress(CASE, COMMISSION, PROVIDER, Engagement.ENGAGED, false, SUMMARY))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void theProviderCompletesAServiceInDelivery() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted(), started())
                .when(new CompleteService(CASE, COMMISSION, PROVIDER, "goals of the mentoring met"))
                .expectEvents(new ServiceCompleted(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER,
                        "goals of the mentoring met"));
    }

    @Test
    void aServiceNotYetDeliveredCannotBeCompleted() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted())
                .when(new CompleteService(CASE, COMMISSION, PROVIDER, "done"))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void aServiceIsCompletedOnlyOnce() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted(), started(), completed())
                .when(new CompleteService(CASE, COMMISSION, PROVIDER, "done again"))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void anotherProvidersCommissionIsAnsweredAsIfItDidNotExist() {
        fixture.given(opened(), ownerAssigned(), commissioned())
                .when(new AcceptService(CASE, COMMISSION, OTHER_PROVIDER))
                .expectException(UnknownRecord.class)
                .expectNoEvents();
    }

    @Test
    void anotherProviderCannotReportProgressOnTheCommission() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted(), started())
                .when(new ReportProgress(CASE, COMMISSION, OTHER_PROVIDER, Engagement.ENGAGED, false, SUMMARY))
                .expectException(UnknownRecord.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownCommissionIsNotFound() {
        fixture.given(opened(), ownerAssigned(), commissioned())
                .when(new StartServiceDelivery(CASE, UNKNOWN_COMMISSION, PROVIDER))
                .expectException(UnknownRecord.class)
                .expectNoEvents();
    }

    @Test
    void theCaseIsClosedWithAnOutcome() {
        fixture.given(opened(), ownerAssigned())
                .when(new CloseCase(CASE, ClosureOutcome.GOALS_MET, "owner-lene"))
                .expectEvents(new CaseClosed(CASE, DISTRICT, fixture.currentTime(), ClosureOutcome.GOALS_MET,
                        "owner-lene"));
    }

    @Test
    void aCaseIsClosedOnlyOnce() {
        fixture.given(opened(), ownerAssigned(), closed())
                .when(new CloseCase(CASE, ClosureOutcome.MOVED_AWAY, "owner-lene"))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void noOwnerIsAssignedAfterClosure() {
        fixture.given(opened(), ownerAssigned(), closed())
                .when(new AssignCaseOwner(CASE, "owner-jonas", Agency.PROBATION))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void nothingIsCommissionedAfterClosure() {
        fixture.given(opened(), ownerAssigned(), consented(), closed())
                .when(commission("mentoring"))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void noProviderActsOnACommissionAfterClosure() {
        fixture.given(opened(), ownerAssigned(), commissioned(), closed())
                .when(new AcceptService(CASE, COMMISSION, PROVIDER))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void noProgressIsReportedAfterClosure() {
        fixture.given(opened(), ownerAssigned(), commissioned(), accepted(), started(), closed())
                .when(new ReportProgress(CASE, COMMISSION, PROVIDER, Engagement.DISENGAGED, true, SUMMARY))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void reopeningAClosedCaseFromARedeliveredFormulationChangesNothing() {
        fixture.given(opened(), ownerAssigned(), closed())
                .when(new OpenPlan(CASE, DISTRICT, "sub-7", 2, NEEDS, InterventionLevel.TARGETED, 30,
                        Agency.SOCIAL_SERVICES, PANEL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private ConsentRecorded consented() {
        return new ConsentRecorded(CASE, DISTRICT, fixture.currentTime(), CONSENT, List.of(ServiceType.MENTORING),
                ConsentGiver.SUBJECT, "owner-lene");
    }

    private CommissionService commission(String need) {
        return new CommissionService(CASE, COMMISSION, PROVIDER, ServiceType.MENTORING, need, START_BY,
                "owner-lene", BRIEFING);
    }

    private PlanOpened opened() {
        return new PlanOpened(CASE, DISTRICT, fixture.currentTime(), "sub-7", 2, NEEDS, InterventionLevel.TARGETED,
                30, Agency.SOCIAL_SERVICES, PANEL);
    }

    private CaseOwnerAssigned ownerAssigned() {
        return new CaseOwnerAssigned(CASE, DISTRICT, fixture.currentTime(), "owner-lene", Agency.SOCIAL_SERVICES);
    }

    private ServiceCommissioned commissioned() {
        return new ServiceCommissioned(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER,
                ServiceType.MENTORING, "mentoring", START_BY, "owner-lene", BRIEFING);
    }

    private ServiceAccepted accepted() {
        return new ServiceAccepted(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER);
    }

    private ServiceDeclined declined() {
        return new ServiceDeclined(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER, "no capacity");
    }

    private ServiceDeliveryStarted started() {
        return new ServiceDeliveryStarted(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER);
    }

    private ServiceCompleted completed() {
        return new ServiceCompleted(CASE, DISTRICT, fixture.currentTime(), COMMISSION, PROVIDER, "done");
    }

    private CaseClosed closed() {
        return new CaseClosed(CASE, DISTRICT, fixture.currentTime(), ClosureOutcome.GOALS_MET, "owner-lene");
    }
}
