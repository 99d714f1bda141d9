package org.pve.caseplatform.plan.command;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.plan.api.MarkCommissionStalled;
import org.pve.caseplatform.plan.api.MarkHandoverOverdue;
import org.pve.caseplatform.plan.api.MarkReviewOverdue;
import org.pve.caseplatform.support.domain.MissingAggregate;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due plan deadlines: sends the command of the deadline's type, then marks it fired. A crash in between, or
 * a second instance polling at the same time, sends it again; the plan records each overdue only once.
 */
public class PlanDeadlinePoller {

    private static final Logger log = LoggerFactory.getLogger(PlanDeadlinePoller.class);
    private static final int BATCH = 100;

    private final PlanDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final DistrictShard shard;

    public PlanDeadlinePoller(PlanDeadlines deadlines, CommandGateway commands, Clock clock, DistrictShard shard) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
        this.shard = shard;
    }

    /** Fires what is due now, then recounts the gauges; returns how many deadlines fired. A failed one stays due. */
    public int fireDue() {
        int fired = 0;
        for (PlanDeadlines.Deadline deadline : deadlines.due(clock.instant(), shard, BATCH)) {
            try {
                commands.sendAndWait(commandFor(deadline));
                deadlines.markFired(deadline, clock.instant());
                fired++;
            } catch (RuntimeException e) {
                if (MissingAggregate.causes(e)) {
                    boolean dropped = deadlines.drop(deadline);
                    log.info("{} plan deadline {}: no such plan", dropped ? "dropped" : "kept for one more poll",
                            deadline.id());
                } else {
                    log.warn("plan deadline {} not fired, retrying at the next poll: {}", deadline.id(), e.toString());
                }
            }
        }
        deadlines.measure(clock.instant());
        return fired;
    }

    private static Object commandFor(PlanDeadlines.Deadline deadline) {
        return switch (deadline.type()) {
            case HANDOVER -> new MarkHandoverOverdue(deadline.caseId(), deadline.dueAt());
            case REVIEW -> new MarkReviewOverdue(deadline.caseId(), deadline.dueAt());
            case STALLED -> new MarkCommissionStalled(deadline.caseId(), deadline.commissionId());
        };
    }
}
