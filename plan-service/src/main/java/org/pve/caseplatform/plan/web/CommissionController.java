package org.pve.caseplatform.plan.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.plan.api.AcceptService;
import org.pve.caseplatform.plan.api.CommissionDetail;
import org.pve.caseplatform.plan.api.CommissionView;
import org.pve.caseplatform.plan.api.CompleteService;
import org.pve.caseplatform.plan.api.DeclineService;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.plan.api.ReportProgress;
import org.pve.caseplatform.plan.api.StartServiceDelivery;
import org.pve.caseplatform.plan.command.CommissionIndex;
import org.pve.caseplatform.plan.query.PlanViewReader;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's side: a commission addressed by its id alone. The provider acting is the one the caller's token
 * names; it is answered with its own commission only, never the rest of the plan, and another provider's commission
 * is answered exactly as one that does not exist. The case owner's view of a commission shows a little more.
 */
@RestController
class CommissionController {

    static final String PROVIDER_ID = "providerId";

    private final CommissionIndex index;
    private final PlanViewReader views;
    private final CommandGateway commands;
    private final PersonalDataVault vault;
    private final AccessPolicy policy;
    private final CaseReads reads;
    private final PlanScopes scopes;

    CommissionController(CommissionIndex index, PlanViewReader views, CommandGateway commands,
                         PersonalDataVault vault, AccessPolicy policy, CaseReads reads, PlanScopes scopes) {
        this.index = index;
        this.views = views;
        this.commands = commands;
        this.vault = vault;
        this.policy = policy;
        this.reads = reads;
        this.scopes = scopes;
    }

    /** A provider gets {@link CommissionView}; a case owner or data protection officer {@link CommissionDetail}. */
    @GetMapping("/commissions/{commissionId}")
    @ApiResponse(responseCode = "200", description = "CommissionView for a provider, CommissionDetail otherwise",
            content = @Content(schema = @Schema(oneOf = {CommissionView.class, CommissionDetail.class})))
    Object commission(Caller caller, @PathVariable UUID commissionId,
                      @RequestParam(value = PROVIDER_ID, required = false) String providerId,
                      @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose) {
        policy.require(caller, Operation.VIEW_COMMISSION);
        actingProvider(caller, providerId);
        UUID caseId = index.caseOf(commissionId);
        PlanView plan = views.find(caseId);
        CommissionDetail commission = commissionOf(plan, commissionId);
        reads.authorize(caller, Operation.VIEW_COMMISSION, recordId(commissionId), caseId,
                scopes.of(plan, commission.commission()), purpose, "commission");
        return caller.role() == Role.PROVIDER ? commission.commission() : commission;
    }

    @PostMapping("/commissions/{commissionId}/acceptance")
    CommissionView accept(Caller caller, @PathVariable UUID commissionId,
                          @Valid @RequestBody(required = false) ProviderRequest request) {
        return act(caller, commissionId, orNone(request).providerId(),
                (caseId, provider) -> new AcceptService(caseId, commissionId, provider));
    }

    @PostMapping("/commissions/{commissionId}/decline")
    CommissionView decline(Caller caller, @PathVariable UUID commissionId,
                           @Valid @RequestBody DeclineRequest request) {
        return act(caller, commissionId, request.providerId(),
                (caseId, provider) -> new DeclineService(caseId, commissionId, provider, request.reason()));
    }

    @PostMapping("/commissions/{commissionId}/start")
    CommissionView start(Caller caller, @PathVariable UUID commissionId,
                         @Valid @RequestBody(required = false) ProviderRequest request) {
        return act(caller, commissionId, orNone(request).providerId(),
                (caseId, provider) -> new StartServiceDelivery(caseId, commissionId, provider));
    }

    @PostMapping("/commissions/{commissionId}/progress")
    CommissionView reportProgress(Caller caller, @PathVariable UUID commissionId,
                                  @Valid @RequestBody ProgressRequest request) {
        return act(caller, commissionId, request.providerId(),
                (caseId, provider) -> new ReportProgress(caseId, commissionId, provider, request.engagement(),
                        request.concernRaised(), vault.encrypt(views.keyRef(caseId), request.summary())));
    }

    @PostMapping("/commissions/{commissionId}/completion")
    CommissionView complete(Caller caller, @PathVariable UUID commissionId,
                            @Valid @RequestBody CompletionRequest request) {
        return act(caller, commissionId, request.providerId(),
                (caseId, provider) -> new CompleteService(caseId, commissionId, provider, request.outcome()));
    }

    /**
     * The provider's own commission, in reach, acted on in the name of the caller's provider; answered with that
     * commission only.
     */
    private CommissionView act(Caller caller, UUID commissionId, String namedProvider,
                               BiFunction<UUID, String, Object> command) {
        policy.require(caller, Operation.DELIVER_SERVICE);
        String providerId = actingProvider(caller, namedProvider);
        UUID caseId = index.caseOf(commissionId);
        PlanView plan = views.find(caseId);
        policy.requireInScope(caller, Operation.DELIVER_SERVICE, recordId(commissionId),
                scopes.of(plan, commissionOf(plan, commissionId).commission()));
        commands.sendAndWait(command.apply(caseId, providerId));
        return views.commission(caseId, commissionId).commission();
    }

    /** The caller's provider; a providerId the request names must be that one (400 naming the field). */
    private static String actingProvider(Caller caller, String named) {
        if (named != null && !named.isBlank() && !named.equals(caller.providerId())) {
            throw new InvalidRequest(PROVIDER_ID, caller.providerId() == null
                    ? "must be left out: the caller acts for no provider"
                    : "must be the provider the caller acts for (" + caller.providerId() + ") or left out");
        }
        return caller.providerId();
    }

    private static CommissionDetail commissionOf(PlanView plan, UUID commissionId) {
        return plan.commission(commissionId).orElseThrow(() -> new UnknownRecord(recordId(commissionId)));
    }

    private static String recordId(UUID commissionId) {
        return "commission " + commissionId;
    }

    private static ProviderRequest orNone(ProviderRequest request) {
        return request == null ? ProviderRequest.NONE : request;
    }
}
