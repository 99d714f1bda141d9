package org.pve.caseplatform.plan.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.pve.caseplatform.contract.plan.CaseReviewed;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.plan.ReviewBroughtForward;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * Writes the plan's deadlines from the events the plan applies, as they are published and before they are stored:
 * PlanOpened (handover: opened + the district's handover_due_days; first review: opened + the cadence), each new
 * review due date (CaseReviewed, ReviewBroughtForward), and each commission's start (the end of its startBy day,
 * UTC). A deadline left by a command that then failed finds no plan, or nothing to do, when it fires.
 */
public class PlanDeadlineRecorder implements MessageDispatchInterceptor<EventMessage<?>> {

    private final PlanDeadlines deadlines;
    private final DistrictDirectory districts;

    public PlanDeadlineRecorder(PlanDeadlines deadlines, DistrictDirectory districts) {
        this.deadlines = deadlines;
        this.districts = districts;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            record(message.getPayload());
            return message;
        };
    }

    private void record(Object event) {
        if (event instanceof PlanOpened opened) {
            districts.find(opened.districtId()).ifPresent(district -> deadlines.handover(opened.caseId(),
                    opened.districtId(), opened.occurredAt().plus(Duration.ofDays(district.handoverDueDays()))));
            deadlines.review(opened.caseId(), opened.districtId(),
                    opened.occurredAt().plus(Duration.ofDays(opened.reviewCadenceDays())));
        } else if (event instanceof CaseReviewed reviewed && reviewed.nextReviewDue() != null) {
            deadlines.review(reviewed.caseId(), reviewed.districtId(), reviewed.nextReviewDue());
        } else if (event instanceof ReviewBroughtForward forward) {
            deadlines.review(forward.caseId(), forward.districtId(), forward.dueAt());
        } else if (event instanceof ServiceCommissioned commissioned && commissioned.startBy() != null) {
            deadlines.stalled(commissioned.caseId(), commissioned.districtId(), commissioned.commissionId(),
                    endOf(commissioned.startBy()));
        }
    }

    /** A commission not started by the end of its start-by day (UTC) has stalled. */
    static Instant endOf(LocalDate startBy) {
        return startBy.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
