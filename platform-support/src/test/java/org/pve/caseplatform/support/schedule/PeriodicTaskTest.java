package org.pve.caseplatform.support.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void runsTheWorkAgainAfterARunFailsAndStopsWhenStopped() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        PeriodicTask task = new PeriodicTask("test-task", Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            threeRuns.countDown();
            throw new IllegalStateException("the store is down");
        });

        task.start();
        assertThat(task.isRunning()).isTrue();
        assertThat(threeRuns.await(5, TimeUnit.SECONDS)).as("runs continue after failures").isTrue();
        task.stop();

        assertThat(task.isRunning()).isFalse();
        int afterStop = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).as("no run after stop").isEqualTo(afterStop);
    }
}
