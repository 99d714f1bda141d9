package org.pve.caseplatform.plan.command;

import static org.pve.caseplatform.plan.command.PlanEvents.CASE;
import static org.pve.caseplatform.plan.command.PlanEvents.COMMISSION;
import static org.pve.caseplatform.plan.command.PlanEvents.CONSENT;
import static org.pve.caseplatform.plan.command.PlanEvents.DISTRICT;
import static org.pve.caseplatform.plan.command.PlanEvents.OTHER_COMMISSION;
import static org.pve.caseplatform.plan.command.PlanEvents.PROVIDER;
import static org.pve.caseplatform.plan.command.PlanEvents.START_BY;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.plan.CommissionStalled;
import org.pve.caseplatform.contract.plan.CommissionSuspended;
import org.pve.caseplatform.contract.plan.HandoverOverdue;
import org.pve.caseplatform.contract.plan.ServiceDeclined;
import org.pve.caseplatform.plan.api.MarkCommissionStalled;
import org.pve.caseplatform.plan.api.MarkHandoverOverdue;

/** What the handover and start-by deadlines record when they fire: each overdue once, and only when it still is. */
class PlanDeadlineRulesTest {

    private PlanEvents plan;
    private AggregateTestFixture<ManagementPlan> fixture;
    private Instant handoverDue;

    @BeforeEach
    void setUp() {
        plan = new PlanEvents();
        fixture = plan.fixture();
        handoverDue = plan.now().plus(Duration.ofDays(14));
    }

    @Test
    void aPlanStillWithoutAnOwnerAtItsHandoverDeadlineIsOverdue() {
        fixture.given(plan.opened())
                .when(new MarkHandoverOverdue(CASE, handoverDue))
                .expectEvents(new HandoverOverdue(CASE, DISTRICT, plan.now(), handoverDue));
    }

    @Test
    void theHandoverIsOverdueOnlyOnce() {
        fixture.given(plan.opened(), new HandoverOverdue(CASE, DISTRICT, plan.now(), handoverDue))
                .when(new MarkHandoverOverdue(CASE, handoverDue))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOwnerAssignedInTimeMeansNoHandoverOverdue() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(new MarkHandoverOverdue(CASE, handoverDue))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineForAPlanThatWasNeverOpenedFindsNoPlan() {
        fixture.givenNoPriorActivity()
                .when(new MarkHandoverOverdue(CASE, handoverDue))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aCommissionNotStartedByItsStartByDateStalls() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING), plan.accepted(COMMISSION))
                .when(new MarkCommissionStalled(CASE, COMMISSION))
                .expectEvents(new CommissionStalled(CASE, DISTRICT, plan.now(), COMMISSION, START_BY));
    }

    @Test
    void aCommissionStallsOnlyOnce() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING),
                        new CommissionStalled(CASE, DISTRICT, plan.now(), COMMISSION, START_BY))
                .when(new MarkCommissionStalled(CASE, COMMISSION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCommissionInDeliveryDoesNotStall() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING), plan.accepted(COMMISSION),
                        plan.started(COMMISSION))
                .when(new MarkCommissionStalled(CASE, COMMISSION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeclinedOrSuspendedCommissionDoesNotStall() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING),
                        new ServiceDeclined(CASE, DISTRICT, plan.now(), COMMISSION, PROVIDER, "no capacity"),
                        plan.commissioned(OTHER_COMMISSION, ServiceType.MENTORING),
                        new CommissionSuspended(CASE, DISTRICT, plan.now(), OTHER_COMMISSION, "CONSENT_WITHDRAWN"))
                .when(new MarkCommissionStalled(CASE, COMMISSION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStartDeadlineForAnUnknownCommissionChangesNothing() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(new MarkCommissionStalled(CASE, OTHER_COMMISSION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
