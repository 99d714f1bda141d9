package org.pve.caseplatform.referral.command;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.referral.command.RetentionSchedule.Kind;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.reference.PracticeModel;

/**
 * Gives each finished case its erasure due date from the practice model of its district: a closed case
 * (retention_closed_days), a referral closed with no further action (retention_no_further_action_days), a case
 * sealed by escalation to the security side (retention_escalated_days); a case handed back loses its date.
 */
public class RetentionRecorder {

    private final RetentionSchedule schedule;
    private final DistrictDirectory districts;

    public RetentionRecorder(RetentionSchedule schedule, DistrictDirectory districts) {
        this.schedule = schedule;
        this.districts = districts;
    }

    public void on(DeliveredEvent delivered) {
        delivered.event().ifPresent(this::apply);
    }

    void apply(CaseEvent event) {
        if (event instanceof CaseClosed closed) {
            due(closed.caseId(), closed.districtId(), Kind.CLOSED, closed.occurredAt());
        } else if (event instanceof ReferralClosedNoFurtherAction closed) {
            due(closed.caseId(), closed.districtId(), Kind.NO_FURTHER_ACTION, closed.occurredAt());
        } else if (event instanceof ReferralEscalatedToSecurity escalated
                && escalated.escalatedTo() != SecurityDestination.CHANNEL_PANEL) {
            due(escalated.caseId(), escalated.districtId(), Kind.ESCALATED, escalated.occurredAt());
        } else if (event instanceof CaseReturnedFromSecurity returned) {
            schedule.cancel(returned.caseId());
        }
    }

    private void due(UUID caseId, String districtId, Kind kind, Instant at) {
        districts.find(districtId).ifPresent(district -> schedule.schedule(caseId, districtId, kind,
                at.plus(Duration.ofDays(days(district.practiceModel(), kind)))));
    }

    static int days(PracticeModel model, Kind kind) {
        return switch (kind) {
            case CLOSED -> model.retentionClosedDays();
            case NO_FURTHER_ACTION -> model.retentionNoFurtherActionDays();
            case ESCALATED -> model.retentionEscalatedDays();
        };
    }
}
