package org.pve.caseplatform.plan.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
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
import org.pve.caseplatform.plan.api.CommissionStatus;
import org.pve.caseplatform.plan.api.CompleteService;
import org.pve.caseplatform.plan.api.DeclineService;
import org.pve.caseplatform.plan.api.OpenPlan;
import org.pve.caseplatform.plan.api.ReportProgress;
import org.pve.caseplatform.plan.api.StartServiceDelivery;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.UnknownRecord;

/**
 * A case's management plan: opened once from the agreed formulation, held by a case owner, services commissioned
 * for its needs and delivered by their providers, closed once; nothing happens to it after closure.
 */
@Aggregate
class ManagementPlan {

    @AggregateIdentifier
    private UUID caseId;
    private String districtId;
    private List<String> needs;
    private boolean ownerAssigned;
    private boolean closed;
    private final Map<UUID, Commission> commissions = new HashMap<>();

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
                command.reviewCadenceDays()));
    }

    @CommandHandler
    void handle(AssignCaseOwner command) {
        requireOpen();
        apply(new CaseOwnerAssigned(caseId, districtId, now(), command.ownerRef(), command.agency()));
    }

    @CommandHandler
    void handle(CommissionService command) {
        requireOpen();
        if (!ownerAssigned) {
            throw new LifecycleViolation("owner", "assign a case owner first");
        }
        if (!needs.contains(command.needAddressed())) {
            throw new LifecycleViolation("needAddressed", "is not one of the plan's needs " + needs);
        }
        if (commissions.containsKey(command.commissionId())) {
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

    @CommandHandler
    void handle(ReportProgress command) {
        requireProvidersCommission(command.commissionId(), command.providerId(), CommissionStatus.IN_DELIVERY);
        apply(new ProgressReported(caseId, districtId, now(), command.commissionId(), command.providerId(),
                command.engagement(), command.concernRaised(), command.summary()));
    }

    @CommandHandler
    void handle(CompleteService command) {
        requireProvidersCommission(command.commissionId(), command.providerId(), CommissionStatus.IN_DELIVERY);
        apply(new ServiceCompleted(caseId, districtId, now(), command.commissionId(), command.providerId(),
                command.outcome()));
    }

    @CommandHandler
    void handle(CloseCase command) {
        requireOpen();
        apply(new CaseClosed(caseId, districtId, now(), command.outcome(), command.closedBy()));
    }

    @EventSourcingHandler
    void on(PlanOpened event) {
        caseId = event.caseId();
        districtId = event.districtId();
        needs = copy(event.needs());
    }

    @EventSourcingHandler
    void on(CaseOwnerAssigned event) {
        ownerAssigned = true;
    }

    @EventSourcingHandler
    void on(ServiceCommissioned event) {
        commissions.put(event.commissionId(), new Commission(event.providerId(), CommissionStatus.COMMISSIONED));
    }

    @EventSourcingHandler
    void on(ServiceAccepted event) {
        move(event.commissionId(), CommissionStatus.ACCEPTED);
    }

    @EventSourcingHandler
    void on(ServiceDeclined event) {
        move(event.commissionId(), CommissionStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(ServiceDeliveryStarted event) {
        move(event.commissionId(), CommissionStatus.IN_DELIVERY);
    }

    @EventSourcingHandler
    void on(ServiceCompleted event) {
        move(event.commissionId(), CommissionStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        closed = true;
    }

    private void move(UUID commissionId, CommissionStatus status) {
        commissions.computeIfPresent(commissionId, (id, commission) -> commission.now(status));
    }

    private void requireOpen() {
        if (closed) {
            throw new LifecycleViolation("stage", "the case is closed");
        }
    }

    /**
     * The provider's own commission in the expected status. Another provider's commission is refused exactly as one
     * that does not exist, so a provider learns nothing about services commissioned elsewhere.
     */
    private void requireProvidersCommission(UUID commissionId, String providerId, CommissionStatus expected) {
        Commission commission = commissions.get(commissionId);
        if (commission == null || !commission.providerId().equals(providerId)) {
            throw new UnknownRecord("commission " + commissionId);
        }
        requireOpen();
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

    /** What the plan needs to know of a commission to enforce its provider's side. */
    private record Commission(String providerId, CommissionStatus status) {

        Commission now(CommissionStatus next) {
            return new Commission(providerId, next);
        }
    }
}
