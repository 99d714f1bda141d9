package org.pve.caseplatform.plan.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.plan.api.AssignCaseOwner;
import org.pve.caseplatform.plan.api.CloseCase;
import org.pve.caseplatform.plan.api.CommissionCreated;
import org.pve.caseplatform.plan.api.CommissionService;
import org.pve.caseplatform.plan.api.ConsentCreated;
import org.pve.caseplatform.plan.api.EscalateCase;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.plan.api.RecordConsent;
import org.pve.caseplatform.plan.api.ReviewCase;
import org.pve.caseplatform.plan.api.WithdrawConsent;
import org.pve.caseplatform.plan.command.CommissionIndex;
import org.pve.caseplatform.plan.query.PlanViewReader;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case owner's side of the plan: ownership, consent, commissions, reviews, escalation and closure. A plan
 * belongs to its district, its lead agency and its owner's agency; one outside the caller's reach is answered as if
 * it did not exist.
 */
@RestController
class PlanController {

    /** Agencies that may hold a case: every agency but the public and the person themself. */
    private static final Set<Agency> OWNING_AGENCIES = EnumSet.complementOf(EnumSet.of(Agency.PUBLIC, Agency.SELF));

    private final PlanViewReader views;
    private final CommandGateway commands;
    private final CommissionIndex index;
    private final PersonalDataVault vault;
    private final AccessPolicy policy;
    private final CaseReads reads;
    private final PlanScopes scopes;

    PlanController(PlanViewReader views, CommandGateway commands, CommissionIndex index, PersonalDataVault vault,
                   AccessPolicy policy, CaseReads reads, PlanScopes scopes) {
        this.views = views;
        this.commands = commands;
        this.index = index;
        this.vault = vault;
        this.policy = policy;
        this.reads = reads;
        this.scopes = scopes;
    }

    @GetMapping("/plans/{caseId}")
    PlanView plan(Caller caller, @PathVariable UUID caseId,
                  @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose) {
        policy.require(caller, Operation.VIEW_PLAN);
        PlanView plan = views.find(caseId);
        reads.authorize(caller, Operation.VIEW_PLAN, caseId.toString(), caseId, scopes.of(plan), purpose, "plan");
        return plan;
    }

    /** Only a case owner of the lead agency hands the plan to an owner, who may be someone else. */
    @PutMapping("/plans/{caseId}/owner")
    PlanView assignOwner(Caller caller, @PathVariable UUID caseId, @Valid @RequestBody OwnerRequest request) {
        policy.require(caller, Operation.MANAGE_PLAN);
        policy.requireInScope(caller, Operation.MANAGE_PLAN, caseId.toString(),
                scopes.ofLeadAgency(views.find(caseId)));
        if (!OWNING_AGENCIES.contains(request.agency())) {
            throw new InvalidRequest("agency", "must be an agency that can hold a case, one of " + OWNING_AGENCIES);
        }
        commands.sendAndWait(new AssignCaseOwner(caseId, request.ownerRef(), request.agency()));
        return views.find(caseId);
    }

    /** Indexes the new commission before commissioning it, so its provider can address it by its id alone. */
    @PostMapping("/plans/{caseId}/commissions")
    ResponseEntity<CommissionCreated> commission(Caller caller, @PathVariable UUID caseId,
                                                 @Valid @RequestBody CommissionRequest request) {
        policy.require(caller, Operation.MANAGE_PLAN);
        String commissionedBy = caller.actingAs("commissionedBy", request.commissionedBy());
        requireManagedPlan(caller, caseId);
        String keyRef = views.keyRef(caseId);
        UUID commissionId = UUID.randomUUID();
        index.record(commissionId, caseId);
        commands.sendAndWait(new CommissionService(caseId, commissionId, request.providerId(),
                request.serviceType(), request.needAddressed(), request.startBy(), commissionedBy,
                vault.encrypt(keyRef, request.briefing())));
        return ResponseEntity.created(URI.create("/commissions/" + commissionId))
                .body(new CommissionCreated(caseId, commissionId));
    }

    /** A consent on record: 201 with its id, by which it is later withdrawn. */
    @PostMapping("/plans/{caseId}/consents")
    ResponseEntity<ConsentCreated> recordConsent(Caller caller, @PathVariable UUID caseId,
                                                 @Valid @RequestBody ConsentRequest request) {
        policy.require(caller, Operation.MANAGE_PLAN);
        String recordedBy = caller.actingAs("recordedBy", request.recordedBy());
        requireManagedPlan(caller, caseId);
        UUID consentId = UUID.randomUUID();
        commands.sendAndWait(new RecordConsent(caseId, consentId, request.scope(), request.givenBy(), recordedBy));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ConsentCreated(caseId, consentId));
    }

    /** Withdraws a consent: the commissions no other consent covers are suspended, the next review comes sooner. */
    @PostMapping("/plans/{caseId}/consents/withdrawal")
    PlanView withdrawConsent(Caller caller, @PathVariable UUID caseId,
                             @Valid @RequestBody WithdrawalRequest request) {
        policy.require(caller, Operation.MANAGE_PLAN);
        String withdrawnBy = caller.actingAs("withdrawnBy", request.withdrawnBy());
        requireManagedPlan(caller, caseId);
        commands.sendAndWait(new WithdrawConsent(caseId, request.consentId(), withdrawnBy));
        return views.find(caseId);
    }

    @PostMapping("/plans/{caseId}/reviews")
    PlanView review(Caller caller, @PathVariable UUID caseId, @Valid @RequestBody ReviewRequest request) {
        policy.require(caller, Operation.MANAGE_PLAN);
        String reviewedBy = caller.actingAs("reviewedBy", request.reviewedBy());
        requireManagedPlan(caller, caseId);
        commands.sendAndWait(new ReviewCase(caseId, request.decision(), request.nextReviewDue(), request.outcome(),
                request.escalatedTo(), request.reason(), reviewedBy));
        return views.find(caseId);
    }

    @PostMapping("/plans/{caseId}/escalation")
    PlanView escalate(Caller caller, @PathVariable UUID caseId, @Valid @RequestBody EscalationRequest request) {
        policy.require(caller, Operation.MANAGE_PLAN);
        String escalatedBy = caller.actingAs("escalatedBy", request.escalatedBy());
        requireManagedPlan(caller, caseId);
        commands.sendAndWait(new EscalateCase(caseId, request.reason(), request.escalatedTo(), escalatedBy));
        return views.find(caseId);
    }

    @PostMapping("/plans/{caseId}/closure")
    PlanView close(Caller caller, @PathVariable UUID caseId, @Valid @RequestBody ClosureRequest request) {
        policy.require(caller, Operation.MANAGE_PLAN);
        String closedBy = caller.actingAs("closedBy", request.closedBy());
        requireManagedPlan(caller, caseId);
        commands.sendAndWait(new CloseCase(caseId, request.outcome(), closedBy));
        return views.find(caseId);
    }

    /** 404 unless the plan exists and is within the caller's reach (its district, lead or owner agency). */
    private void requireManagedPlan(Caller caller, UUID caseId) {
        policy.requireInScope(caller, Operation.MANAGE_PLAN, caseId.toString(), scopes.of(views.find(caseId)));
    }
}
