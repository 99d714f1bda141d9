package org.pve.caseplatform.assessment.command;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ends confidentiality agreements whose validUntil has passed: sends the schedule's ExpireConfidentialityAgreement,
 * then marks the expiry fired. A crash in between, or a second instance polling at the same time, sends it again;
 * the assessment emits ConfidentialityAgreementExpired only once. Logs name cases, never members.
 */
public class ConfidentialityExpiryPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfidentialityExpiryPoller.class);
    private static final int BATCH = 100;

    private final ConfidentialityExpiries expiries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ConfidentialityExpiryPoller(ConfidentialityExpiries expiries, CommandGateway commands, Clock clock,
                                       Duration interval) {
        this.expiries = expiries;
        this.commands = commands;
        this.clock = clock;
        this.interval = interval;
    }

    /** Fires what is due now; returns how many expiries fired. One that fails stays due for the next poll. */
    public int fireDue() {
        int fired = 0;
        for (ConfidentialityExpiries.Expiry expiry : expiries.due(clock.instant(), BATCH)) {
            try {
                commands.sendAndWait(ExpireConfidentialityAgreement.bySchedule(expiry.caseId(), expiry.memberId(),
                        expiry.validUntil()));
                expiries.markFired(expiry, clock.instant());
                fired++;
            } catch (RuntimeException e) {
                if (neverStored(e)) {
                    log.info("dropping a confidentiality agreement expiry of case {}: no assessment",
                            expiry.caseId());
                    expiries.drop(expiry);
                } else {
                    log.warn("a confidentiality agreement expiry of case {} not fired, retrying at the next poll: {}",
                            expiry.caseId(), e.getClass().getSimpleName());
                }
            }
        }
        return fired;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "confidentiality-expiries");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void poll() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            log.warn("confidentiality agreement expiries not fired, retrying at the next poll: {}",
                    e.getClass().getSimpleName());
        }
    }

    private static boolean neverStored(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
