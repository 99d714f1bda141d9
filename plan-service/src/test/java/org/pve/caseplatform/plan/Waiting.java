package org.pve.caseplatform.plan;

import java.time.Duration;

/** Polls a condition until it holds, for what happens asynchronously (Kafka deliveries). */
final class Waiting {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Waiting() {
    }

    static void until(String what, Condition condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            } catch (Exception e) {
                throw new AssertionError("failed waiting for " + what, e);
            }
        }
        throw new AssertionError("gave up waiting for " + what);
    }

    /** Something that will hold sooner or later. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }
}
