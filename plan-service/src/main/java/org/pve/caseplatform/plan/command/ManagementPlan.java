package org.pve.caseplatform.plan.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.ReviewDecision;
import org.pve.caseplatform.contract.ReviewReason;
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
import org.pve.caseplatform.plan.api.AcceptService;
import org.pve.caseplatform.plan.api.AssignCaseOwner;
import org.pve.caseplatform.plan.api.CloseCase;
import org.pve.caseplatform.plan.api.CommissionService;
import org.pve.caseplatform.plan.api.CommissionStatus;
import org.pve.caseplatform.plan.api.CompleteService;
import org.pve.caseplatform.plan.api.DeclineService;
import org.pve.caseplatform.plan.api.EscalateCase;
import org.pve.caseplatform.plan.api.MarkCommissionStalled;
import org.pve.caseplatform.plan.api.MarkHandoverOverdue;
import org.pve.caseplatform.plan.api.MarkReviewOverdue;
import org.pve.caseplatform.plan.api.OpenPlan;
import org.pve.caseplatform.plan.api.RecordConsent;
import org.pve.caseplatform.plan.api.ReportProgress;
import org.pve.caseplatform.plan.api.ReviewCase;
import org.pve.caseplatform.plan.api.StartServiceDelivery;
import org.pve.caseplatform.plan.api.WithdrawConsent;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * A case's management plan: opened once from the agreed formulation, held by a case owner from its panel, services
 * commissioned from registered providers for its needs under the person's consent and delivered by them, reviewed
 * on its cadence (sooner after a concern or a withdrawn consent), closed or escalated once; nothing happens to it
 * afterwards. Deadlines (handover, review, a commission's start) reach it as commands and are recorded once.
 */
@Aggregate
class ManagementPlan {

    static final String SUSPENDED_FOR_CONSENT = "CONSENT_WITHDRAWN";

    @AggregateIdentifier
    private UUID caseId;
    private String districtId;
    private List<String> needs;
    private int reviewCadenceDays;
    private final Set<Agency> panel = EnumSet.noneOf(Agency.class);
    private boolean ownerAssigned;
    private boolean handoverOverdue;
    private Instant nextReviewDue;
    private Instant reviewOverdueFor;
    private boolean closed;
    private boolean escalated;
    private final Consents consents = new Consents();
    private final PlanCommissions commissions = new PlanCommissions();

    ManagementPlan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenPlan command) {
        if (caseId != null) {
            return;
        }
        apply(new PlanOpened(command.caseId(), command.districtId(), now(), command.subjectRef(),
                command.formulationVersion(), copy(command.needs()), command.interventionLevel(),
                command.reviewCadenceDays(), command.leadAgency(),
                command.panelAgencies() == null ? null : List.copyOf(command.panelAgencies())));
    }

    /** The owner comes from an agency on the panel (or the lead); a plan from before panels were recorded takes any. */
    @CommandHandler
    void handle(AssignCaseOwner command) {
        requireOpen();
        if (!panel.isEmpty() && !panel.contains(command.agency())) {
            throw new LifecycleViolation("agency", "is not on the case's panel " + panel);
        }
        apply(new CaseOwnerAssigned(caseId, districtId, now(), command.ownerRef(), command.agency()));
    }

    @CommandHandler
    void handle(RecordConsent command, GuardianConsent guardianConsent) {
        requireOpen();
        if (command.scope() == null || command.scope().isEmpty()) {
            throw new InvalidRequest("scope", "must name at least one service type");
        }
        if (command.givenBy() != ConsentGiver.GUARDIAN && guardianConsent.required(caseId, districtId)) {
            throw new InvalidRequest("givenBy", "must be GUARDIAN: the person is below the practice model's age of "
                    + "consent, or their age is not known");
        }
        if (consents.known(command.consentId())) {
            throw new LifecycleViolation("consentId", "was already recorded");
        }
        apply(new ConsentRecorded(caseId, districtId, now(), command.consentId(), List.copyOf(command.scope()),
                command.givenBy(), command.recordedBy()));
    }

    /** Suspends every open commission no remaining consent covers, and brings the next review forward. */
    @CommandHandler
    void handle(WithdrawConsent command, ReviewPolicy policy) {
        requireOpen();
        if (!consents.known(command.consentId())) {
            throw new InvalidRequest("consentId", "is not a consent of this plan");
        }
        if (consents.isWithdrawn(command.consentId())) {
            throw new LifecycleViolation("consentId", "was already withdrawn");
        }
        apply(new ConsentWithdrawn(caseId, districtId, now(), command.consentId(), command.withdrawnBy()));
        for (UUID commissionId : commissions.uncovered(consents::cover)) {
            apply(new CommissionSuspended(caseId, districtId, now(), commissionId, SUSPENDED_FOR_CONSENT));
        }
        bringReviewForward(policy, ReviewReason.CONSENT_WITHDRAWN);
    }

    @CommandHandler
    void handle(CommissionService command, ProviderOffers providers) {
        requireOpen();
        if (!ownerAssigned) {
            throw new LifecycleViolation("owner", "assign a case owner first");
        }
        if (!providers.offers(command.providerId(), command.serviceType(), districtId)) {
            throw new InvalidRequest("providerId", "is not a provider registered for " + command.serviceType()
                    + " in " + districtId);
        }
        if (!needs.contains(command.needAddressed())) {
            throw new InvalidRequest("needAddressed", "is not one of the plan's needs " + needs);
        }
        if (!consents.cover(command.serviceType())) {
            throw new LifecycleViolation("consent", "no active consent covers " + command.serviceType());
        }
        if (commissions.contains(command.commissionId())) {
            throw new LifecycleViolation("commissionId", "was already commissioned");
        }
        apply(new ServiceCommissioned(caseId, districtId, now(), command.commissionId(), command.providerId(),
                command.serviceType(), command.needAddressed(), command.startBy(), command.commissionedBy(),
                command.briefing()));
    }

    @CommandHandler
    void handle(AcceptService command) {
        requireProvidersCommission(command.commissionId(), command.providerId(), CommissionStatus.COMMISSIONED);
        apply(new ServiceAccepted(caseId, districtId, now(), command.commissionId(), command.providerId()));
    }

    @CommandHandler
    void handle(DeclineService command) {
        requireProvidersCommission(command.commissionId(), command.providerId(), CommissionStatus.COMMISSIONED);
        apply(new ServiceDeclined(caseId, districtId, now(), command.commissionId(), command.providerId(),
                command.reason()));
    }

    @CommandHandler
    void handle(StartServiceDelivery command) {
        requireProvidersCommission(command.commissionId(), command.providerId(), CommissionStatus.ACCEPTED);
        apply(new ServiceDeliveryStarted(caseId, districtId, now(), command.commissionId(), command.providerId()));
    }

    /** A concern raised brings the next review forward. */
    @CommandHandler
    void handle(ReportProgress command, ReviewPolicy policy) {
        requireProvidersCommission(command.commissionId(), command.providerId(), CommissionStatus.IN_DELIVERY);
        apply(new ProgressReported(caseId, districtId, now(), command.commissionId(), command.providerId(),
                command.engagement(), command.concernRaised(), command.summary()));
        if (command.concernRaised()) {
            bringReviewForward(policy, ReviewReason.CONCERN_RAISED);
        }
    }

    @CommandHandler
    void handle(CompleteService command) {
        requireProvidersCommission(command.commissionId(), command.providerId(), CommissionStatus.IN_DELIVERY);
        apply(new ServiceCompleted(caseId, districtId, now(), command.commissionId(), command.providerId(),
                command.outcome()));
    }

    @CommandHandler
    void handle(ReviewCase command) {
        requireOpen();
        if (command.decision() == null) {
            throw new InvalidRequest("decision", "is required");
        }
        switch (command.decision()) {
            case CONTINUE, ADJUST_PLAN -> continueAfterReview(command);
            case CLOSE -> closeAfterReview(command);
            case ESCALATE -> escalateAfterReview(command);
        }
    }

    @CommandHandler
    void handle(EscalateCase command) {
        requireOpen();
        requireEscalation(command.escalatedTo(), command.reason());
        apply(new CaseEscalatedToSecurity(caseId, districtId, now(), command.reason(), command.escalatedBy(),
                command.escalatedTo()));
    }

    @CommandHandler
    void handle(CloseCase command) {
        requireOpen();
        apply(new CaseClosed(caseId, districtId, now(), command.outcome(), command.closedBy()));
    }

    /** A deadline firing late, twice, or after an owner was assigned changes nothing. */
    @CommandHandler
    void handle(MarkHandoverOverdue command) {
        if (isOpen() && !ownerAssigned && !handoverOverdue) {
            apply(new HandoverOverdue(caseId, districtId, now(), command.dueAt()));
        }
    }

    /** Only the review still due at that date becomes overdue, once; a review held or moved changes nothing. */
    @CommandHandler
    void handle(MarkReviewOverdue command) {
        if (isOpen() && command.dueAt().equals(nextReviewDue) && !command.dueAt().equals(reviewOverdueFor)) {
            apply(new ReviewOverdue(caseId, districtId, now(), command.dueAt()));
        }
    }

    /** A commission still waiting to start stalls once; one started, declined, suspended or gone does not. */
    @CommandHandler
    void handle(MarkCommissionStalled command) {
        commissions.find(command.commissionId())
                .filter(commission -> isOpen() && !commission.isStalled() && commission.awaitingStart())
                .ifPresent(commission -> apply(new CommissionStalled(caseId, districtId, now(),
                        command.commissionId(), commission.startBy())));
    }

    @EventSourcingHandler
    void on(PlanOpened event) {
        caseId = event.caseId();
        districtId = event.districtId();
        needs = copy(event.needs());
        reviewCadenceDays = event.reviewCadenceDays();
        nextReviewDue = event.occurredAt().plus(Duration.ofDays(event.reviewCadenceDays()));
        if (event.leadAgency() != null) {
            panel.add(event.leadAgency());
        }
        if (event.panelAgencies() != null) {
            panel.addAll(event.panelAgencies());
        }
    }

    @EventSourcingHandler
    void on(CaseOwnerAssigned event) {
        ownerAssigned = true;
    }

    @EventSourcingHandler
    void on(HandoverOverdue event) {
        handoverOverdue = true;
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        consents.record(event.consentId(), event.scope());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.withdraw(event.consentId());
    }

    @EventSourcingHandler
    void on(ServiceCommissioned event) {
        commissions.add(event.commissionId(), event.providerId(), event.serviceType(), event.startBy());
    }

    @EventSourcingHandler
    void on(ServiceAccepted event) {
        commissions.move(event.commissionId(), CommissionStatus.ACCEPTED);
    }

    @EventSourcingHandler
    void on(ServiceDeclined event) {
        commissions.move(event.commissionId(), CommissionStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(ServiceDeliveryStarted event) {
        commissions.move(event.commissionId(), CommissionStatus.IN_DELIVERY);
    }

    @EventSourcingHandler
    void on(ServiceCompleted event) {
        commissions.move(event.commissionId(), CommissionStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(CommissionSuspended event) {
        commissions.suspend(event.commissionId());
    }

    @EventSourcingHandler
    void on(CommissionStalled event) {
        commissions.stall(event.commissionId());
    }

    @EventSourcingHandler
    void on(ReviewBroughtForward event) {
        nextReviewDue = event.dueAt();
    }

    @EventSourcingHandler
    void on(ReviewOverdue event) {
        reviewOverdueFor = event.dueAt();
    }

    @EventSourcingHandler
    void on(CaseReviewed event) {
        nextReviewDue = event.nextReviewDue();
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CaseEscalatedToSecurity event) {
        escalated = true;
    }

    private void continueAfterReview(ReviewCase command) {
        Instant next = command.nextReviewDue() != null ? command.nextReviewDue()
                : now().plus(Duration.ofDays(reviewCadenceDays));
        if (!next.isAfter(now())) {
            throw new InvalidRequest("nextReviewDue", "must be in the future");
        }
        apply(new CaseReviewed(caseId, districtId, now(), command.decision(), next, command.reviewedBy()));
    }

    private void closeAfterReview(ReviewCase command) {
        if (command.outcome() == null) {
            throw new InvalidRequest("outcome", "is required to close the case");
        }
        apply(new CaseReviewed(caseId, districtId, now(), ReviewDecision.CLOSE, null, command.reviewedBy()));
        apply(new CaseClosed(caseId, districtId, now(), command.outcome(), command.reviewedBy()));
    }

    private void escalateAfterReview(ReviewCase command) {
        requireEscalation(command.escalatedTo(), command.reason());
        apply(new CaseReviewed(caseId, districtId, now(), ReviewDecision.ESCALATE, null, command.reviewedBy()));
        apply(new CaseEscalatedToSecurity(caseId, districtId, now(), command.reason(), command.reviewedBy(),
                command.escalatedTo()));
    }

    private static void requireEscalation(Object escalatedTo, String reason) {
        if (escalatedTo == null) {
            throw new InvalidRequest("escalatedTo", "is required to escalate the case");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequest("reason", "is required to escalate the case");
        }
    }

    /** Brings the next review forward to within the policy's period, unless it is due sooner already. */
    private void bringReviewForward(ReviewPolicy policy, ReviewReason reason) {
        Instant due = now().plus(policy.bringForwardWithin());
        if (nextReviewDue == null || nextReviewDue.isAfter(due)) {
            apply(new ReviewBroughtForward(caseId, districtId, now(), due, reason));
        }
    }

    private boolean isOpen() {
        return !closed && !escalated;
    }

    private void requireOpen() {
        if (closed) {
            throw new LifecycleViolation("stage", "the case is closed");
        }
        if (escalated) {
            throw new LifecycleViolation("stage", "the case was escalated to security");
        }
    }

    /**
     * The provider's own commission in the expected status. Another provider's commission is refused exactly as one
     * that does not exist, so a provider learns nothing about services commissioned elsewhere.
     */
    private void requireProvidersCommission(UUID commissionId, String providerId, CommissionStatus expected) {
        PlanCommissions.Commission commission = commissions.find(commissionId)
                .filter(found -> found.providerId().equals(providerId))
                .orElseThrow(() -> new UnknownRecord("commission " + commissionId));
        requireOpen();
        if (commission.isSuspended()) {
            throw new LifecycleViolation("status", "the commission is suspended: no active consent covers it");
        }
        if (commission.status() != expected) {
            throw new LifecycleViolation("status", "the commission is " + commission.status() + ", not " + expected);
        }
    }

    private static List<String> copy(List<String> needs) {
        return needs == null ? List.of() : List.copyOf(needs);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
