package org.pve.caseplatform.plan.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.plan.ProgressReported;
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
    private PlanView.Owner owner;
    private PlanView.Closure closure;
    private final Map<UUID, CommissionDraft> commissions = new LinkedHashMap<>();

    PlanDraft(PersonalDataVault vault) {
        this.vault = vault;
    }

    void apply(CaseEvent event) {
        if (event instanceof PlanOpened planOpened) {
            opened = planOpened;
        } else if (event instanceof CaseOwnerAssigned assigned) {
            owner = new PlanView.Owner(assigned.ownerRef(), assigned.agency());
        } else if (event instanceof ServiceCommissioned commissioned) {
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
        } else if (event instanceof CaseClosed closed) {
            closure = new PlanView.Closure(closed.outcome(), closed.closedBy(), closed.occurredAt());
        }
    }

    PlanView view(long version) {
        if (opened == null) {
            throw new IllegalStateException("a plan's events begin with PlanOpened");
        }
        return new PlanView(opened.caseId(), opened.districtId(), opened.subjectRef(), opened.formulationVersion(),
                opened.needs(), opened.interventionLevel(), opened.reviewCadenceDays(),
                closure == null ? PlanStage.OPEN : PlanStage.CLOSED, opened.occurredAt(), owner,
                commissions.values().stream().map(commission -> commission.detail(opened.caseId())).toList(), closure,
                version);
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
                            briefing, List.copyOf(progress), declineReason, outcome));
        }
    }
}
