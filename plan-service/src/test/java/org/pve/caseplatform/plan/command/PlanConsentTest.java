package org.pve.caseplatform.plan.command;

import static org.pve.caseplatform.support.testing.Refusals.invalid;
import static org.pve.caseplatform.support.testing.Refusals.violationOf;
import static org.pve.caseplatform.plan.command.PlanEvents.BRING_FORWARD;
import static org.pve.caseplatform.plan.command.PlanEvents.CASE;
import static org.pve.caseplatform.plan.command.PlanEvents.COMMISSION;
import static org.pve.caseplatform.plan.command.PlanEvents.CONSENT;
import static org.pve.caseplatform.plan.command.PlanEvents.DISTRICT;
import static org.pve.caseplatform.plan.command.PlanEvents.OTHER_COMMISSION;
import static org.pve.caseplatform.plan.command.PlanEvents.OTHER_CONSENT;
import static org.pve.caseplatform.plan.command.PlanEvents.OWNER;
import static org.pve.caseplatform.plan.command.PlanEvents.PROVIDER;

import java.time.Duration;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.ReviewReason;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.plan.CommissionSuspended;
import org.pve.caseplatform.contract.plan.ConsentRecorded;
import org.pve.caseplatform.contract.plan.ConsentWithdrawn;
import org.pve.caseplatform.contract.plan.ReviewBroughtForward;
import org.pve.caseplatform.plan.api.AcceptService;
import org.pve.caseplatform.plan.api.RecordConsent;
import org.pve.caseplatform.plan.api.WithdrawConsent;

/** Consent: who may give it, what it covers, and what its withdrawal does to the commissions it covered. */
class PlanConsentTest {

    private PlanEvents plan;
    private AggregateTestFixture<ManagementPlan> fixture;

    @BeforeEach
    void setUp() {
        plan = new PlanEvents();
        fixture = plan.fixture();
    }

    @Test
    void anAdultsOwnConsentIsRecorded() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(new RecordConsent(CASE, CONSENT, List.of(ServiceType.MENTORING), ConsentGiver.SUBJECT, OWNER))
                .expectEvents(new ConsentRecorded(CASE, DISTRICT, plan.now(), CONSENT, List.of(ServiceType.MENTORING),
                        ConsentGiver.SUBJECT, OWNER));
    }

    @Test
    void belowTheAgeOfConsentThePersonsOwnConsentIsRefused() {
        plan.guardianRequired = true;

        fixture.given(plan.opened())
                .when(new RecordConsent(CASE, CONSENT, List.of(ServiceType.MENTORING), ConsentGiver.SUBJECT, OWNER))
                .expectException(invalid("givenBy"))
                .expectNoEvents();
    }

    @Test
    void belowTheAgeOfConsentAGuardianConsents() {
        plan.guardianRequired = true;

        fixture.given(plan.opened())
                .when(new RecordConsent(CASE, CONSENT, List.of(ServiceType.MENTORING), ConsentGiver.GUARDIAN, OWNER))
                .expectEvents(new ConsentRecorded(CASE, DISTRICT, plan.now(), CONSENT, List.of(ServiceType.MENTORING),
                        ConsentGiver.GUARDIAN, OWNER));
    }

    @Test
    void aConsentCoversAtLeastOneServiceType() {
        fixture.given(plan.opened())
                .when(new RecordConsent(CASE, CONSENT, List.of(), ConsentGiver.SUBJECT, OWNER))
                .expectException(invalid("scope"))
                .expectNoEvents();
    }

    @Test
    void nothingIsCommissionedWithoutAConsentCoveringItsServiceType() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.FAMILY_SUPPORT))
                .when(plan.commission(COMMISSION, PROVIDER, ServiceType.MENTORING, "mentoring"))
                .expectException(violationOf("consent"))
                .expectNoEvents();
    }

    @Test
    void aProviderUnknownToTheRegistryIsRefused() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING))
                .when(plan.commission(COMMISSION, "ngo-unregistered", ServiceType.MENTORING, "mentoring"))
                .expectException(invalid("providerId"))
                .expectNoEvents();
    }

    @Test
    void aProviderNotOfferingTheServiceIsRefused() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.HOUSING_SUPPORT))
                .when(plan.commission(COMMISSION, PROVIDER, ServiceType.HOUSING_SUPPORT, "mentoring"))
                .expectException(invalid("providerId"))
                .expectNoEvents();
    }

    @Test
    void aRegisteredProviderIsCommissionedUnderConsent() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING))
                .when(plan.commission(COMMISSION, PROVIDER, ServiceType.MENTORING, "mentoring"))
                .expectEvents(plan.commissioned(COMMISSION, ServiceType.MENTORING));
    }

    @Test
    void withdrawingConsentSuspendsTheOpenCommissionsItCoveredAndBringsTheReviewForward() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING),
                        plan.commissioned(OTHER_COMMISSION, ServiceType.MENTORING), plan.accepted(OTHER_COMMISSION),
                        plan.started(OTHER_COMMISSION))
                .when(new WithdrawConsent(CASE, CONSENT, OWNER))
                .expectEvents(new ConsentWithdrawn(CASE, DISTRICT, plan.now(), CONSENT, OWNER),
                        new CommissionSuspended(CASE, DISTRICT, plan.now(), COMMISSION, "CONSENT_WITHDRAWN"),
                        new CommissionSuspended(CASE, DISTRICT, plan.now(), OTHER_COMMISSION, "CONSENT_WITHDRAWN"),
                        new ReviewBroughtForward(CASE, DISTRICT, plan.now(), plan.now().plus(BRING_FORWARD),
                                ReviewReason.CONSENT_WITHDRAWN));
    }

    @Test
    void aCommissionAnotherConsentStillCoversCarriesOn() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.consented(OTHER_CONSENT, ServiceType.FAMILY_SUPPORT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING))
                .when(new WithdrawConsent(CASE, CONSENT, OWNER))
                .expectEvents(new ConsentWithdrawn(CASE, DISTRICT, plan.now(), CONSENT, OWNER),
                        new ReviewBroughtForward(CASE, DISTRICT, plan.now(), plan.now().plus(BRING_FORWARD),
                                ReviewReason.CONSENT_WITHDRAWN));
    }

    @Test
    void aWithdrawalLeavesAReviewDueSoonerWhereItIs() {
        fixture.given(plan.opened(), plan.consented(CONSENT, ServiceType.MENTORING),
                        new ReviewBroughtForward(CASE, DISTRICT, plan.now(), plan.now().plus(Duration.ofDays(2)),
                                ReviewReason.CONCERN_RAISED))
                .when(new WithdrawConsent(CASE, CONSENT, OWNER))
                .expectEvents(new ConsentWithdrawn(CASE, DISTRICT, plan.now(), CONSENT, OWNER));
    }

    @Test
    void aSuspendedCommissionTakesNoActionFromItsProvider() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING),
                        new ConsentWithdrawn(CASE, DISTRICT, plan.now(), CONSENT, OWNER),
                        new CommissionSuspended(CASE, DISTRICT, plan.now(), COMMISSION, "CONSENT_WITHDRAWN"))
                .when(new AcceptService(CASE, COMMISSION, PROVIDER))
                .expectException(violationOf("status"))
                .expectNoEvents();
    }

    @Test
    void aConsentIsWithdrawnOnlyOnce() {
        fixture.given(plan.opened(), plan.consented(CONSENT, ServiceType.MENTORING),
                        new ConsentWithdrawn(CASE, DISTRICT, plan.now(), CONSENT, OWNER))
                .when(new WithdrawConsent(CASE, CONSENT, OWNER))
                .expectException(violationOf("consentId"))
                .expectNoEvents();
    }

    @Test
    void anUnknownConsentCannotBeWithdrawn() {
        fixture.given(plan.opened(), plan.consented(CONSENT, ServiceType.MENTORING))
                .when(new WithdrawConsent(CASE, OTHER_CONSENT, OWNER))
                .expectException(invalid("consentId"))
                .expectNoEvents();
    }

    @Test
    void nothingNewIsCommissionedOnceTheConsentIsWithdrawn() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        new ConsentWithdrawn(CASE, DISTRICT, plan.now(), CONSENT, OWNER))
                .when(plan.commission(OTHER_COMMISSION, PROVIDER, ServiceType.MENTORING, "mentoring"))
                .expectException(violationOf("consent"))
                .expectNoEvents();
    }
}
