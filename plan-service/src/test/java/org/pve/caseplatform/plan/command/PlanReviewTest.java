package org.pve.caseplatform.plan.command;

import static org.pve.caseplatform.support.testing.Refusals.invalid;
import static org.pve.caseplatform.support.testing.Refusals.violationOf;
import static org.pve.caseplatform.plan.command.PlanEvents.BRING_FORWARD;
import static org.pve.caseplatform.plan.command.PlanEvents.CASE;
import static org.pve.caseplatform.plan.command.PlanEvents.COMMISSION;
import static org.pve.caseplatform.plan.command.PlanEvents.CONSENT;
import static org.pve.caseplatform.plan.command.PlanEvents.DISTRICT;
import static org.pve.caseplatform.plan.command.PlanEvents.OWNER;
import static org.pve.caseplatform.plan.command.PlanEvents.PROVIDER;
import static org.pve.caseplatform.plan.command.PlanEvents.SUMMARY;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.Engagement;
import org.pve.caseplatform.contract.ReviewDecision;
import org.pve.caseplatform.contract.ReviewReason;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.CaseEscalatedToSecurity;
import org.pve.caseplatform.contract.plan.CaseReviewed;
import org.pve.caseplatform.contract.plan.ProgressReported;
import org.pve.caseplatform.contract.plan.ReviewBroughtForward;
import org.pve.caseplatform.contract.plan.ReviewOverdue;
import org.pve.caseplatform.plan.api.AssignCaseOwner;
import org.pve.caseplatform.plan.api.EscalateCase;
import org.pve.caseplatform.plan.api.MarkReviewOverdue;
import org.pve.caseplatform.plan.api.RecordConsent;
import org.pve.caseplatform.plan.api.ReportProgress;
import org.pve.caseplatform.plan.api.ReviewCase;

/** Reviews: their cadence, a concern bringing them forward, their decisions, overdue reviews, escalation. */
class PlanReviewTest {

    private PlanEvents plan;
    private AggregateTestFixture<ManagementPlan> fixture;

    @BeforeEach
    void setUp() {
        plan = new PlanEvents();
        fixture = plan.fixture();
    }

    @Test
    void aConcernRaisedBringsTheNextReviewForward() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING), plan.accepted(COMMISSION),
                        plan.started(COMMISSION))
                .when(new ReportProgress(CASE, COMMISSION, PROVIDER, Engagement.PARTIAL, true, SUMMARY))
                .expectEvents(new ProgressReported(CASE, DISTRICT, plan.now(), COMMISSION, PROVIDER,
                                Engagement.PARTIAL, true, SUMMARY),
                        new ReviewBroughtForward(CASE, DISTRICT, plan.now(), plan.now().plus(BRING_FORWARD),
                                ReviewReason.CONCERN_RAISED));
    }

    @Test
    void aConcernLeavesAReviewDueSoonerWhereItIs() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING), plan.accepted(COMMISSION),
                        plan.started(COMMISSION), reviewed(ReviewDecision.CONTINUE, inDays(3)))
                .when(new ReportProgress(CASE, COMMISSION, PROVIDER, Engagement.DISENGAGED, true, SUMMARY))
                .expectEvents(new ProgressReported(CASE, DISTRICT, plan.now(), COMMISSION, PROVIDER,
                        Engagement.DISENGAGED, true, SUMMARY));
    }

    @Test
    void progressWithoutAConcernLeavesTheReviewAlone() {
        fixture.given(plan.opened(), plan.ownerAssigned(), plan.consented(CONSENT, ServiceType.MENTORING),
                        plan.commissioned(COMMISSION, ServiceType.MENTORING), plan.accepted(COMMISSION),
                        plan.started(COMMISSION))
                .when(new ReportProgress(CASE, COMMISSION, PROVIDER, Engagement.ENGAGED, false, SUMMARY))
                .expectEvents(new ProgressReported(CASE, DISTRICT, plan.now(), COMMISSION, PROVIDER,
                        Engagement.ENGAGED, false, SUMMARY));
    }

    @Test
    void aReviewToContinueSetsTheNextOneACadenceOn() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(review(ReviewDecision.CONTINUE, null))
                .expectEvents(reviewed(ReviewDecision.CONTINUE, plan.firstReviewDue()));
    }

    @Test
    void aReviewMayNameWhenTheNextIsDue() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(review(ReviewDecision.ADJUST_PLAN, inDays(10)))
                .expectEvents(reviewed(ReviewDecision.ADJUST_PLAN, inDays(10)));
    }

    @Test
    void aNextReviewInThePastIsRefused() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(review(ReviewDecision.CONTINUE, inDays(-1)))
                .expectException(invalid("nextReviewDue"))
                .expectNoEvents();
    }

    @Test
    void aClosingReviewClosesTheCaseWithItsOutcome() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(new ReviewCase(CASE, ReviewDecision.CLOSE, null, ClosureOutcome.GOALS_MET, null, null, OWNER))
                .expectEvents(reviewed(ReviewDecision.CLOSE, null),
                        new CaseClosed(CASE, DISTRICT, plan.now(), ClosureOutcome.GOALS_MET, OWNER));
    }

    @Test
    void aClosingReviewNeedsAnOutcome() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(review(ReviewDecision.CLOSE, null))
                .expectException(invalid("outcome"))
                .expectNoEvents();
    }

    @Test
    void anEscalatingReviewSendsTheCaseToSecurity() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(new ReviewCase(CASE, ReviewDecision.ESCALATE, null, null,
                        SecurityDestination.POLICE_INVESTIGATION, "imminent risk disclosed", OWNER))
                .expectEvents(reviewed(ReviewDecision.ESCALATE, null),
                        new CaseEscalatedToSecurity(CASE, DISTRICT, plan.now(), "imminent risk disclosed", OWNER,
                                SecurityDestination.POLICE_INVESTIGATION));
    }

    @Test
    void anEscalatingReviewNeedsWhereTo() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(new ReviewCase(CASE, ReviewDecision.ESCALATE, null, null, null, "imminent risk", OWNER))
                .expectException(invalid("escalatedTo"))
                .expectNoEvents();
    }

    @Test
    void theCaseOwnerEscalatesDirectly() {
        fixture.given(plan.opened(), plan.ownerAssigned())
                .when(new EscalateCase(CASE, "weapons found", SecurityDestination.INTELLIGENCE_SERVICE, OWNER))
                .expectEvents(new CaseEscalatedToSecurity(CASE, DISTRICT, plan.now(), "weapons found", OWNER,
                        SecurityDestination.INTELLIGENCE_SERVICE));
    }

    @Test
    void anEscalatedPlanTakesNoFurtherCommands() {
        fixture.given(plan.opened(), plan.ownerAssigned(), escalated())
                .when(new RecordConsent(CASE, CONSENT, List.of(ServiceType.MENTORING), ConsentGiver.SUBJECT,
                        OWNER))
                .expectException(violationOf("stage"))
                .expectNoEvents();
        fixture.given(plan.opened(), plan.ownerAssigned(), escalated())
                .when(new AssignCaseOwner(CASE, "owner-jonas", Agency.POLICE))
                .expectException(violationOf("stage"))
                .expectNoEvents();
        fixture.given(plan.opened(), plan.ownerAssigned(), escalated())
                .when(review(ReviewDecision.CONTINUE, null))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void theReviewDueIsMarkedOverdue() {
        fixture.given(plan.opened())
                .when(new MarkReviewOverdue(CASE, plan.firstReviewDue()))
                .expectEvents(new ReviewOverdue(CASE, DISTRICT, plan.now(), plan.firstReviewDue()));
    }

    @Test
    void aReviewIsMarkedOverdueOncePerDueDate() {
        fixture.given(plan.opened(), new ReviewOverdue(CASE, DISTRICT, plan.now(), plan.firstReviewDue()))
                .when(new MarkReviewOverdue(CASE, plan.firstReviewDue()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReviewHeldOrMovedIsNotOverdueAtItsOldDate() {
        fixture.given(plan.opened(), reviewed(ReviewDecision.CONTINUE, inDays(45)))
                .when(new MarkReviewOverdue(CASE, plan.firstReviewDue()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(plan.opened(), reviewed(ReviewDecision.CONTINUE, inDays(45)))
                .when(new MarkReviewOverdue(CASE, inDays(45)))
                .expectEvents(new ReviewOverdue(CASE, DISTRICT, plan.now(), inDays(45)));
    }

    @Test
    void aClosedCaseHasNoReviewOverdue() {
        fixture.given(plan.opened(), new CaseClosed(CASE, DISTRICT, plan.now(), ClosureOutcome.MOVED_AWAY, OWNER))
                .when(new MarkReviewOverdue(CASE, plan.firstReviewDue()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private Instant inDays(int days) {
        return plan.now().plus(Duration.ofDays(days));
    }

    private ReviewCase review(ReviewDecision decision, Instant nextReviewDue) {
        return new ReviewCase(CASE, decision, nextReviewDue, null, null, null, OWNER);
    }

    private CaseReviewed reviewed(ReviewDecision decision, Instant nextReviewDue) {
        return new CaseReviewed(CASE, DISTRICT, plan.now(), decision, nextReviewDue, OWNER);
    }

    private CaseEscalatedToSecurity escalated() {
        return new CaseEscalatedToSecurity(CASE, DISTRICT, plan.now(), "weapons found", OWNER,
                SecurityDestination.INTELLIGENCE_SERVICE);
    }
}
