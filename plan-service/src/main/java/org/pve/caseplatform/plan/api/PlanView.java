package org.pve.caseplatform.plan.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.InterventionLevel;

/** A case's management plan as its owner sees it, personal fields decrypted (absent once erased). */
public record PlanView(UUID caseId, String districtId, String subjectRef, int formulationVersion, List<String> needs,
                       InterventionLevel interventionLevel, int reviewCadenceDays, PlanStage stage, Instant openedAt,
                       Owner owner, List<CommissionDetail> commissions, Closure closure, long version) {

    /** One of the plan's commissions. */
    public Optional<CommissionDetail> commission(UUID commissionId) {
        return commissions.stream()
                .filter(commission -> commission.commission().commissionId().equals(commissionId))
                .findFirst();
    }

    /** The lead professional holding the plan. */
    public record Owner(String ownerRef, Agency agency) {
    }

    /** How and by whom the case was closed. */
    public record Closure(ClosureOutcome outcome, String closedBy, Instant at) {
    }
}
