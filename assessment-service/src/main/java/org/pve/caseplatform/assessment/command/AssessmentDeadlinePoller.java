package org.pve.caseplatform.assessment.command;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.api.MarkAssessmentOverdue;
import org.pve.caseplatform.support.domain.MissingAggregate;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks assessments whose dueAt has passed: sends MarkAssessmentOverdue, then marks the deadline fired. A crash in
 * between, or a second instance polling at the same time, sends it again; the assessment emits AssessmentOverdue
 * only once.
 */
public class AssessmentDeadlinePoller {

    private static final Logger log = LoggerFactory.getLogger(AssessmentDeadlinePoller.class);
    private static final int BATCH = 100;

    private final AssessmentDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final DistrictShard shard;

    public AssessmentDeadlinePoller(AssessmentDeadlines deadlines, CommandGateway commands, Clock clock,
                                    DistrictShard shard) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
        this.shard = shard;
    }

    /** Fires what is due now, then recounts the gauges; returns how many deadlines fired. A failed one stays due. */
    public int fireDue() {
        int fired = 0;
        for (AssessmentDeadlines.Deadline deadline : deadlines.due(clock.instant(), shard, BATCH)) {
            try {
                commands.sendAndWait(new MarkAssessmentOverdue(deadline.caseId(), deadline.dueAt()));
                deadlines.markFired(deadline, clock.instant());
                fired++;
            } catch (RuntimeException e) {
                if (MissingAggregate.causes(e)) {
                    boolean dropped = deadlines.drop(deadline);
                    log.info("{} the assessment deadline of case {}: no assessment", dropped ? "dropped"
                            : "kept for one more poll", deadline.caseId());
                } else {
                    log.warn("the assessment deadline of case {} not fired, retrying at the next poll: {}",
                            deadline.caseId(), e.getClass().getSimpleName());
                }
            }
        }
        deadlines.measure(clock.instant());
        return fired;
    }
}
