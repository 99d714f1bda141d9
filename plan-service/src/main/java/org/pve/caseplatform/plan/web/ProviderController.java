package org.pve.caseplatform.plan.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.plan.api.CommissionView;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.plan.api.ProviderWorklist;
import org.pve.caseplatform.plan.query.Provider;
import org.pve.caseplatform.plan.query.ProviderRegistry;
import org.pve.caseplatform.plan.query.ProviderWorklistProjection;
import org.pve.caseplatform.plan.query.PlanViewReader;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.pve.caseplatform.support.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider registry as case owners and panels choose from it, and a provider's worklist: its own commissions,
 * each a read of case detail, shown as the provider may see them. Another provider's worklist is answered exactly
 * as an unknown provider's.
 */
@RestController
class ProviderController {

    private final ProviderRegistry registry;
    private final ProviderWorklistProjection worklists;
    private final PlanViewReader views;
    private final AccessPolicy policy;
    private final CaseReads reads;
    private final PlanScopes scopes;

    ProviderController(ProviderRegistry registry, ProviderWorklistProjection worklists, PlanViewReader views,
                       AccessPolicy policy, CaseReads reads, PlanScopes scopes) {
        this.registry = registry;
        this.worklists = worklists;
        this.views = views;
        this.policy = policy;
        this.reads = reads;
        this.scopes = scopes;
    }

    /** The registered providers working in a district the caller works in, optionally of one service type. */
    @GetMapping("/providers")
    List<Provider> providers(Caller caller, @RequestParam("districtId") String districtId,
                             @RequestParam(value = "serviceType", required = false) ServiceType serviceType) {
        policy.require(caller, Operation.VIEW_PROVIDER_REGISTRY);
        policy.requireDistrict(caller, districtId);
        return registry.serving(districtId, serviceType);
    }

    /**
     * The provider's commissions within the caller's reach: a provider's staff read their own provider's, the data
     * protection officer any provider's in their districts. Each commission listed is written to the access log.
     */
    @GetMapping("/providers/{providerId}/commissions")
    ProviderWorklist worklist(Caller caller, @PathVariable String providerId,
                              @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose) {
        policy.require(caller, Operation.VIEW_PROVIDER_WORKLIST);
        String recordId = "provider " + providerId;
        if (registry.find(providerId).isEmpty()
                || (caller.role() == Role.PROVIDER && !providerId.equals(caller.providerId()))) {
            throw new UnknownRecord(recordId);
        }
        policy.requirePurpose(caller, Operation.VIEW_PROVIDER_WORKLIST, purpose);
        Map<UUID, Optional<PlanView>> plans = new HashMap<>();
        List<CommissionView> commissions = new ArrayList<>();
        for (ProviderWorklistProjection.Entry entry : worklists.commissionsOf(providerId)) {
            Optional<PlanView> plan = plans.computeIfAbsent(entry.caseId(), this::planOf);
            Optional<CommissionView> commission = plan.flatMap(found -> found.commission(entry.commissionId()))
                    .map(detail -> detail.commission())
                    .filter(view -> providerId.equals(view.providerId()));
            if (commission.isEmpty()) {
                continue;
            }
            RecordScope scope = scopes.of(plan.get(), commission.get());
            if (policy.inScope(caller, Operation.VIEW_PROVIDER_WORKLIST, scope)) {
                reads.authorize(caller, Operation.VIEW_PROVIDER_WORKLIST, recordId, entry.caseId(), scope, purpose,
                        "provider-worklist");
                commissions.add(commission.get());
            }
        }
        return new ProviderWorklist(providerId, commissions);
    }

    /** The plan; empty for an entry whose plan this service does not hold, which the worklist passes over. */
    private Optional<PlanView> planOf(UUID caseId) {
        try {
            return Optional.of(views.find(caseId));
        } catch (UnknownRecord missing) {
            return Optional.empty();
        }
    }
}
