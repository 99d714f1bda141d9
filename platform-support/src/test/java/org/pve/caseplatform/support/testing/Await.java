package org.pve.caseplatform.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for tests: wait until a condition holds, failing after a patience; pause without a checked exception. */
public final class Await {

    private Await() {
    }

    /** Polls every 100 ms until the condition holds; fails the test once {@code patience} has passed. */
    public static void until(BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + patience.toSeconds() + " s").isLessThan(deadline);
            pause(Duration.ofMillis(100));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
