package org.pve.caseplatform.audit.ledger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anchors the chain heads every anchor interval, so a chain that has gone quiet is anchored at its head too. */
public class AnchorSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnchorSchedule.class);

    private final HashChains chains;
    private ScheduledExecutorService executor;

    public AnchorSchedule(HashChains chains) {
        this.chains = chains;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-anchors");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, chains.anchorInterval().toMillis());
        executor.scheduleWithFixedDelay(this::anchor, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void anchor() {
        try {
            chains.anchorAll();
        } catch (RuntimeException e) {
            log.warn("anchoring the chain heads failed, next try in {}: {}", chains.anchorInterval(), e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
