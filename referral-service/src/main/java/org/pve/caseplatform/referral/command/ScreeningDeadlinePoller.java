package org.pve.caseplatform.referral.command;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.referral.api.MarkScreeningOverdue;
import org.pve.caseplatform.support.domain.MissingAggregate;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due screening deadlines: sends MarkScreeningOverdue, then marks the deadline fired. A crash in between, or
 * a second instance polling at the same time, sends it again; the referral emits ScreeningOverdue only once.
 */
public class ScreeningDeadlinePoller {

    private static final Logger log = LoggerFactory.getLogger(ScreeningDeadlinePoller.class);
    private static final int BATCH = 100;

    private final ScreeningDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final DistrictShard shard;

    public ScreeningDeadlinePoller(ScreeningDeadlines deadlines, CommandGateway commands, Clock clock,
                                   DistrictShard shard) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
        this.shard = shard;
    }

    /**
     * Fires what is due now and recounts the deadline gauges; returns how many deadlines fired. One that fails stays
     * due for the next poll.
     */
    public int fireDue() {
        int fired = 0;
        for (ScreeningDeadlines.Deadline deadline : deadlines.due(clock.instant(), shard, BATCH)) {
            try {
                commands.sendAndWait(new MarkScreeningOverdue(deadline.referralId(), deadline.dueAt()));
                deadlines.markFired(deadline, clock.instant());
                fired++;
            } catch (RuntimeException e) {
                if (MissingAggregate.causes(e)) {
                    boolean dropped = deadlines.drop(deadline);
                    log.info("{} screening deadline {}: no such referral", dropped ? "dropped"
                            : "kept for one more poll", deadline.id());
                } else {
                    log.warn("screening deadline {} not fired, retrying at the next poll: {}", deadline.id(),
                            e.toString());
                }
            }
        }
        deadlines.measure(clock.instant());
        return fired;
    }
}
