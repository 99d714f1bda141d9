package org.pve.caseplatform.plan.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ServiceType;
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
import org.pve.caseplatform.plan.api.CommissionDetail;
import org.pve.caseplatform.plan.api.CommissionStatus;
import org.pve.caseplatform.plan.api.CommissionView;
import org.pve.caseplatform.plan.api.PlanStage;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.support.crypto.PersonalDataVault;

/** A plan's view while its events are folded in, one at a time, in the order they happened. */
class PlanDraft {

    private final PersonalDataVault vault;
    private PlanOpened opened;
    private final List<PlanView.Owner> owners = new ArrayList<>();
    private PlanView.Closure closure;
    private PlanView.Escalation escalation;
    private final Map<UUID, PlanView.Consent> consents = new LinkedHashMap<>();
    private final Map<UUID, CommissionDraft> commissions = new LinkedHashMap<>();
    private final List<PlanView.Review> reviews = new ArrayList<>();
    private Instant nextReviewDue;
    private boolean handoverOverdue;
    private Instant reviewOverdueFor;

    private final Function<String, Optional<Duration>> handoverDue;

    /** {@code handoverDue}: the district's time from the plan opening (the formulation's agreement) to an owner. */
    PlanDraft(PersonalDataVault vault, Function<String, Optional<Duration>> handoverDue) {
        this.vault = vault;
        this.handoverDue = handoverDue;
    }

    void apply(CaseEvent event) {
        if (event instanceof PlanOpened planOpened) {
            opened = planOpened;
            nextReviewDue = planOpened.occurredAt().plus(Duration.ofDays(planOpened.reviewCadenceDays()));
        } else if (event instanceof CaseOwnerAssigned assigned) {
            owners.add(new PlanView.Owner(assigned.ownerRef(), assigned.agency(), assigned.occurredAt()));
        } else if (event instanceof ConsentRecorded recorded) {
            consents.put(recorded.consentId(), new PlanView.Consent(recorded.consentId(), recorded.scope(),
                    recorded.givenBy(), recorded.recordedBy(), recorded.occurredAt(), PlanView.ConsentStatus.ACTIVE,
                    null, null));
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            consents.computeIfPresent(withdrawn.consentId(), (id, consent) -> new PlanView.Consent(id,
                    consent.scope(), consent.givenBy(), consent.recordedBy(), consent.recordedAt(),
                    PlanView.ConsentStatus.WITHDRAWN, withdrawn.withdrawnBy(), withdrawn.occurredAt()));
        } else if (event instanceof CaseClosed closed) {
            closure = new PlanView.Closure(closed.outcome(), closed.closedBy(), closed.occurredAt());
        } else if (event instanceof CaseEscalatedToSecurity escalated) {
            escalation = new PlanView.Escalation(escalated.escalatedTo(), escalated.reason(),
                    escalated.escalatedBy(), escalated.occurredAt());
        } else {
            applyReviewEvent(event);
            applyCommissionEvent(event);
        }
    }

    private void applyReviewEvent(CaseEvent event) {
        if (event instanceof HandoverOverdue) {
            handoverOverdue = true;
        } else if (event instanceof CaseReviewed reviewed) {
            reviews.add(new PlanView.Review(reviewed.decision(), reviewed.nextReviewDue(), reviewed.reviewedBy(),
                    reviewed.occurredAt()));
            nextReviewDue = reviewed.nextReviewDue();
        } else if (event instanceof ReviewBroughtForward forward) {
            nextReviewDue = forward.dueAt();
        } else if (event instanceof ReviewOverdue overdue) {
            reviewOverdueFor = overdue.dueAt();
        }
    }

    private void applyCommissionEvent(CaseEvent event) {
        if (event instanceof ServiceCommissioned commissioned) {
            commissions.put(commissioned.commissionId(), new CommissionDraft(commissioned,
                    vault.decrypt(commissioned.briefing()).orElse(null)));
        } else if (event instanceof ServiceAccepted accepted) {
            commission(accepted.commissionId()).status = CommissionStatus.ACCEPTED;
        } else if (event instanceof ServiceDeclined declined) {
            CommissionDraft commission = commission(declined.commissionId());
            commission.status = CommissionStatus.DECLINED;
            commission.declineReason = declined.reason();
        } else if (event instanceof ServiceDeliveryStarted started) {
            commission(started.commissionId()).status = CommissionStatus.IN_DELIVERY;
        } else if (event instanceof ProgressReported reported) {
            commission(reported.commissionId()).progress.add(new CommissionView.Progress(reported.engagement(),
                    reported.concernRaised(), vault.decrypt(reported.summary()).orElse(null),
                    reported.occurredAt()));
        } else if (event instanceof ServiceCompleted completed) {
            CommissionDraft commission = commission(completed.commissionId());
            commission.status = CommissionStatus.COMPLETED;
            commission.outcome = completed.outcome();
        } else if (event instanceof CommissionSuspended suspended) {
            commission(suspended.commissionId()).status = CommissionStatus.SUSPENDED;
        } else if (event instanceof CommissionStalled stalled) {
            commission(stalled.commissionId()).stalled = true;
        }
    }

    PlanView view(long version) {
        if (opened == null) {
            throw new IllegalStateException("a plan's events begin with PlanOpened");
        }
        PlanView.Owner owner = owners.isEmpty() ? null : owners.get(owners.size() - 1);
        return new PlanView(opened.caseId(), opened.districtId(), opened.subjectRef(), opened.formulationVersion(),
                opened.needs(), opened.interventionLevel(), opened.reviewCadenceDays(), stage(), opened.occurredAt(),
                owner, commissions.values().stream().map(commission -> commission.detail(opened.caseId())).toList(),
                closure, opened.leadAgency(), opened.panelAgencies(), List.copyOf(owners),
                List.copyOf(consents.values()), nextReviewDue, List.copyOf(reviews), escalation,
                attention(owner), handoverDue.apply(opened.districtId()).map(opened.occurredAt()::plus).orElse(null),
                version);
    }

    private PlanStage stage() {
        if (closure != null) {
            return PlanStage.CLOSED;
        }
        return escalation == null ? PlanStage.OPEN : PlanStage.ESCALATED;
    }

    private PlanView.Attention attention(PlanView.Owner owner) {
        return new PlanView.Attention(handoverOverdue && owner == null,
                nextReviewDue != null && nextReviewDue.equals(reviewOverdueFor),
                commissionIds(commission -> commission.stalled && (commission.status == CommissionStatus.COMMISSIONED
                        || commission.status == CommissionStatus.ACCEPTED)),
                commissionIds(commission -> commission.status == CommissionStatus.DECLINED),
                commissionIds(commission -> commission.status == CommissionStatus.SUSPENDED));
    }

    private List<UUID> commissionIds(Predicate<CommissionDraft> which) {
        return commissions.values().stream().filter(which).map(commission -> commission.commissionId).toList();
    }

    private CommissionDraft commission(UUID commissionId) {
        CommissionDraft commission = commissions.get(commissionId);
        if (commission == null) {
            throw new IllegalStateException("event about commission " + commissionId + " before it was made");
        }
        return commission;
    }

    /** A commission while its events are folded in. */
    private static final class CommissionDraft {

        private final UUID commissionId;
        private final String providerId;
        private final ServiceType serviceType;
        private final String needAddressed;
        private final LocalDate startBy;
        private final String briefing;
        private final String commissionedBy;
        private final Instant commissionedAt;
        private final List<CommissionView.Progress> progress = new ArrayList<>();
        private CommissionStatus status = CommissionStatus.COMMISSIONED;
        private String declineReason;
        private String outcome;
        private boolean stalled;

        CommissionDraft(ServiceCommissioned commissioned, String briefing) {
            this.commissionId = commissioned.commissionId();
            this.providerId = commissioned.providerId();
            this.serviceType = commissioned.serviceType();
            this.needAddressed = commissioned.needAddressed();
            this.startBy = commissioned.startBy();
            this.briefing = briefing;
            this.commissionedBy = commissioned.commissionedBy();
            this.commissionedAt = commissioned.occurredAt();
        }

        CommissionDetail detail(UUID caseId) {
            return new CommissionDetail(caseId, commissionedBy, commissionedAt,
                    new CommissionView(commissionId, providerId, serviceType, needAddressed, startBy, status,
                            briefing, List.copyOf(progress), declineReason, outcome, stalled));
        }
    }
}
