package org.pve.caseplatform.plan.web;

import java.util.EnumSet;
import java.util.Set;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.plan.api.CommissionView;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.plan.command.LeadAgencies;
import org.pve.caseplatform.support.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * What the access policy needs to know of a plan or a commission: a plan belongs to its district, its lead agency
 * and the case owner's agency; a commission besides to the provider it was made to. A plan escalated to security
 * (other than to the Channel panel) is sealed: it exists for the police alone.
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
        if (escalatedTo(plan) != null) {
            agencies.add(Agency.POLICE); // the security side holds an escalated case now
        }
        return RecordScope.of(plan.districtId(), agencies).sealedIfEscalatedTo(escalatedTo(plan));
    }

    /** The plan as far as the lead agency alone decides on it (who owns it). */
    RecordScope ofLeadAgency(PlanView plan) {
        return RecordScope.of(plan.districtId(), leadAgencies.of(plan.caseId()).map(Set::of).orElse(Set.of()))
                .sealedIfEscalatedTo(escalatedTo(plan));
    }

    /** Escalated to security, the case left the preventive track and exists for the police only (Channel aside). */
    private static SecurityDestination escalatedTo(PlanView plan) {
        return plan.escalation() == null ? null : plan.escalation().escalatedTo();
    }

    /** A commission of the plan: the plan's scope and the provider it was made to. */
    RecordScope of(PlanView plan, CommissionView commission) {
        return of(plan).provider(commission.providerId());
    }
}
