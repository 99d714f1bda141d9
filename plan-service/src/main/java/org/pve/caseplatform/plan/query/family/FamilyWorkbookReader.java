package org.pve.caseplatform.plan.query.family;

import java.util.EnumSet;
import java.util.Set;
import org.pve.caseplatform.plan.api.CommissionDetail;
import org.pve.caseplatform.plan.api.CommissionStatus;
import org.pve.caseplatform.plan.api.CommissionView;
import org.pve.caseplatform.plan.api.FamilyWorkbook;
import org.pve.caseplatform.plan.api.PlanStage;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.plan.query.PlanViewReader;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.springframework.stereotype.Component;

/** Builds a family's workbook entries from each member's own plan, as the plan's events tell it now. */
@Component
public class FamilyWorkbookReader {

    private static final Set<CommissionStatus> OPEN = EnumSet.complementOf(EnumSet.of(CommissionStatus.DECLINED,
            CommissionStatus.COMPLETED));

    private final PlanViewReader plans;

    public FamilyWorkbookReader(PlanViewReader plans) {
        this.plans = plans;
    }

    /** The member's entry; {@link FamilyWorkbook.Stage#NO_PLAN_YET} when the member's case has no plan. */
    public FamilyWorkbook.Entry entry(FamilyGroup.Member member) {
        PlanView plan;
        try {
            plan = plans.find(member.caseId());
        } catch (UnknownRecord noPlan) {
            return FamilyWorkbook.Entry.withoutDetail(member.caseId(), member.relation(),
                    FamilyWorkbook.Stage.NO_PLAN_YET);
        }
        if (plan.stage() == PlanStage.ESCALATED) {
            return FamilyWorkbook.Entry.withoutDetail(member.caseId(), member.relation(),
                    FamilyWorkbook.Stage.ESCALATED);
        }
        boolean attention = plan.attention() != null;
        return new FamilyWorkbook.Entry(member.caseId(), member.relation(),
                FamilyWorkbook.Stage.valueOf(plan.stage().name()), plan.owner(), plan.nextReviewDue(),
                attention && plan.attention().reviewOverdue(), attention && plan.attention().handoverOverdue(),
                plan.commissions().stream()
                        .map(CommissionDetail::commission)
                        .filter(commission -> OPEN.contains(commission.status()))
                        .map(FamilyWorkbookReader::open)
                        .toList());
    }

    private static FamilyWorkbook.OpenCommission open(CommissionView commission) {
        return new FamilyWorkbook.OpenCommission(commission.commissionId(), commission.serviceType(),
                commission.providerId(), commission.status());
    }
}
