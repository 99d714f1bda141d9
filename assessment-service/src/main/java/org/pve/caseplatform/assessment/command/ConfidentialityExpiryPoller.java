package org.pve.caseplatform.assessment.command;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.pve.caseplatform.support.domain.MissingAggregate;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends confidentiality agreements whose validUntil has passed: sends the schedule's ExpireConfidentialityAgreement,
 * then marks the expiry fired. A crash in between, or a second instance polling at the same time, sends it again;
 * the assessment emits ConfidentialityAgreementExpired only once. Logs name cases, never members.
 */
public class ConfidentialityExpiryPoller {

    private static final Logger log = LoggerFactory.getLogger(ConfidentialityExpiryPoller.class);
    private static final int BATCH = 100;

    private final ConfidentialityExpiries expiries;
    private final CommandGateway commands;
    private final Clock clock;
    private final DistrictShard shard;

    public ConfidentialityExpiryPoller(ConfidentialityExpiries expiries, CommandGateway commands, Clock clock,
                                       DistrictShard shard) {
        this.expiries = expiries;
        this.commands = commands;
        this.clock = clock;
        this.shard = shard;
    }

    /** Fires what is due now, then recounts the gauges; returns how many expiries fired. A failed one stays due. */
    public int fireDue() {
        int fired = 0;
        for (ConfidentialityExpiries.Expiry expiry : expiries.due(clock.instant(), shard, BATCH)) {
            try {
                commands.sendAndWait(ExpireConfidentialityAgreement.bySchedule(expiry.caseId(), expiry.memberId(),
                        expiry.validUntil()));
                expiries.markFired(expiry, clock.instant());
                fired++;
            } catch (RuntimeException e) {
                if (MissingAggregate.causes(e)) {
                    boolean dropped = expiries.drop(expiry);
                    log.info("{} a confidentiality agreement expiry of case {}: no assessment",
                            dropped ? "dropped" : "kept for one more poll", expiry.caseId());
                } else {
                    log.warn("a confidentiality agreement expiry of case {} not fired, retrying at the next poll: {}",
                            expiry.caseId(), e.getClass().getSimpleName());
                }
            }
        }
        expiries.measure(clock.instant());
        return fired;
    }
}
