package org.pve.caseplatform.plan.web;

import java.util.EnumSet;
import java.util.Set;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.plan.api.CommissionView;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.plan.command.LeadAgencies;
import org.pve.caseplatform.support.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * What the access policy needs to know of a plan or a commission: a plan belongs to its district, its lead agency
 * and the case owner's agency; a commission besides to the provider it was made to.
 */
@Component
class PlanScopes {

    private final LeadAgencies leadAgencies;

    PlanScopes(LeadAgencies leadAgencies) {
        this.leadAgencies = leadAgencies;
    }

    /** The plan: its district, lead agency and owner's agency. */
    RecordScope of(PlanView plan) {
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        leadAgencies.of(plan.caseId()).ifPresent(agencies::add);
        if (plan.owner() != null) {
            agencies.add(plan.owner().agency());
        }
        return RecordScope.of(plan.districtId(), agencies);
    }

    /** The plan as far as the lead agency alone decides on it (who owns it). */
    RecordScope ofLeadAgency(PlanView plan) {
        return RecordScope.of(plan.districtId(), leadAgencies.of(plan.caseId()).map(Set::of).orElse(Set.of()));
    }

    /** A commission of the plan: the plan's scope and the provider it was made to. */
    RecordScope of(PlanView plan, CommissionView commission) {
        return of(plan).provider(commission.providerId());
    }
}
