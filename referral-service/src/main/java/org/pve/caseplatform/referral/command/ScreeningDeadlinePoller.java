package org.pve.caseplatform.referral.command;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pve.caseplatform.referral.api.MarkScreeningOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fires due screening deadlines: sends MarkScreeningOverdue, then marks the deadline fired. A crash in between, or
 * a second instance polling at the same time, sends it again; the referral emits ScreeningOverdue only once.
 */
public class ScreeningDeadlinePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScreeningDeadlinePoller.class);
    private static final int BATCH = 100;

    private final ScreeningDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ScreeningDeadlinePoller(ScreeningDeadlines deadlines, CommandGateway commands, Clock clock,
                                   Duration interval) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
        this.interval = interval;
    }

    /** Fires what is due now; returns how many deadlines fired. One that fails stays due for the next poll. */
    public int fireDue() {
        int fired = 0;
        for (ScreeningDeadlines.Deadline deadline : deadlines.due(clock.instant(), BATCH)) {
            try {
                commands.sendAndWait(new MarkScreeningOverdue(deadline.referralId(), deadline.dueAt()));
                deadlines.markFired(deadline, clock.instant());
                fired++;
            } catch (RuntimeException e) {
                if (neverStored(e)) {
                    log.info("dropping screening deadline {}: no such referral", deadline.id());
                    deadlines.drop(deadline);
                } else {
                    log.warn("screening deadline {} not fired, retrying at the next poll: {}", deadline.id(),
                            e.toString());
                }
            }
        }
        return fired;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "screening-deadlines");
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
            log.warn("screening deadlines not fired, retrying at the next poll: {}", e.toString());
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
