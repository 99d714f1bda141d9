package org.pve.caseplatform.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pass of full lifecycles: as fast as the client threads go, or started at a fixed pace. Every second case
 * enters on the inbound Kafka topic, the others by POST /referrals; the districts take turns. The pass ends when
 * the ledger holds every closed case's CaseClosed; its figures come from the ledger's own timestamps.
 */
final class LoadPass {

    private static final Duration LEDGER_PATIENCE = Duration.ofMinutes(5);

    /** What a pass measured; rates over the window from its first referral to its last ledger entry. */
    record Result(int closed, int failed, double seconds, long caseEvents, long accessRecords,
                  Percentiles intakeMillis, Percentiles eventMillis) {

        double casesPerSecond() {
            return closed / seconds;
        }

        double eventsPerSecond() {
            return caseEvents / seconds;
        }
    }

    private final LifecycleDriver driver;
    private final LedgerReader ledger;
    private final List<String> districts;
    private final Console console;
    private final AtomicLong numbers;

    LoadPass(LifecycleDriver driver, LedgerReader ledger, List<String> districts, AtomicLong numbers,
             Console console) {
        this.driver = driver;
        this.ledger = ledger;
        this.districts = districts;
        this.numbers = numbers;
        this.console = console;
    }

    /** Drives the cases with {@code threads} clients at once; a pace above 0 starts them at that many per second. */
    Result run(String name, int cases, int threads, double casesPerSecond) {
        long closedBefore = ledger.count("CaseClosed");
        AtomicInteger closed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            if (casesPerSecond > 0) {
                sleepUntil(startedNanos + (long) (i / casesPerSecond * 1e9));
            }
            long number = numbers.getAndIncrement();
            String district = districts.get((int) (number % districts.size()));
            boolean inbound = number % 2 == 0;
            running.add(clients.submit(() -> {
                try {
                    driver.drive(number, district, inbound);
                    closed.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, district + ": " + e.getMessage());
                }
            }));
            report(name, i + 1, cases, closed, failed, startedNanos, false);
        }
        while (!allDone(running)) {
            report(name, cases, cases, closed, failed, startedNanos, false);
            LifecycleDriver.sleep(250);
        }
        clients.shutdown();
        report(name, cases, cases, closed, failed, startedNanos, true);
        if (firstFailure.get() != null) {
            console.step("%s: %d case(s) failed; the first: %s", name, failed.get(), firstFailure.get());
        }
        awaitLedger(name, closedBefore + closed.get());
        return measure(started, closed.get(), failed.get());
    }

    private Result measure(Instant started, int closed, int failed) {
        List<LedgerReader.Entry> recorded = ledger.recordedSince(started);
        List<LedgerReader.Entry> entries = recorded.stream().filter(LedgerReader.Entry::isCaseEvent).toList();
        Instant last = entries.stream().map(LedgerReader.Entry::recordedAt).max(Instant::compareTo).orElse(started);
        double seconds = Math.max(Duration.between(started, last).toNanos() / 1e9, 1e-3);
        Percentiles intake = Percentiles.of(entries.stream().filter(e -> e.eventType().equals("ReferralReceived"))
                .map(LedgerReader.Entry::latencyMillis).toList());
        Percentiles every = Percentiles.of(entries.stream().map(LedgerReader.Entry::latencyMillis).toList());
        return new Result(closed, failed, seconds, entries.size(), recorded.size() - entries.size(), intake, every);
    }

    private void awaitLedger(String name, long closedCases) {
        long deadline = System.nanoTime() + LEDGER_PATIENCE.toNanos();
        long inLedger;
        while ((inLedger = ledger.count("CaseClosed")) < closedCases) {
            if (System.nanoTime() > deadline) {
                console.step("%s: the ledger holds %d of %d closed cases after %d s; measuring what it holds", name,
                        inLedger, closedCases, LEDGER_PATIENCE.toSeconds());
                return;
            }
            LifecycleDriver.sleep(500);
        }
    }

    private long lastReport;

    private void report(String name, int started, int cases, AtomicInteger closed, AtomicInteger failed,
                        long startedNanos, boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastReport < 5_000_000_000L) {
            return;
        }
        lastReport = now;
        double seconds = (now - startedNanos) / 1e9;
        console.step("%s: %d/%d handed to the clients, %d closed, %d failed, %.1f cases/s closed so far", name,
                started, cases, closed.get(), failed.get(), closed.get() / seconds);
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
