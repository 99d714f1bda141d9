package org.pve.caseplatform.plan.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.FamilyRelation;
import org.pve.caseplatform.contract.ServiceType;

/**
 * One workbook per family (the Luton practice): for each member's case where its plan stands, who holds it, when
 * it is next reviewed and the services still open for it. No briefings, progress or needs: each member's own plan
 * holds those.
 */
public record FamilyWorkbook(UUID familyId, String districtId, List<Entry> members) {

    /** Where a member's plan stands; NO_PLAN_YET until the member's formulation is agreed. */
    public enum Stage {
        NO_PLAN_YET, OPEN, CLOSED, ESCALATED
    }

    /**
     * One member's case. A plan escalated to the security services shows its stage only; a member without a plan
     * shows {@link Stage#NO_PLAN_YET} and nothing else.
     */
    public record Entry(UUID caseId, FamilyRelation relation, Stage planStage, PlanView.Owner owner,
                        Instant nextReviewDue, boolean reviewOverdue, boolean handoverOverdue,
                        List<OpenCommission> openCommissions) {

        public static Entry withoutDetail(UUID caseId, FamilyRelation relation, Stage stage) {
            return new Entry(caseId, relation, stage, null, null, false, false, List.of());
        }
    }

    /** A commission not declined or completed (a suspended one included). */
    public record OpenCommission(UUID commissionId, ServiceType serviceType, String providerId,
                                 CommissionStatus status) {
    }
}
