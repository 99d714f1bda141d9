package org.pve.caseplatform.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Grows the stored cases cheaply through the public interfaces: one referral per new invented person, across every
 * district in turn, each becoming a case with its ReferralReceived (and nothing more); half sent on the inbound
 * Kafka topic, half by POST /referrals from several client threads at once. Waits until the ledger holds them all.
 */
final class StoreGrowth {

    private static final Duration STALL = Duration.ofMinutes(3);
    private static final int IN_FLIGHT = 2000;

    private final Intake intake;
    private final BenchPlatform platform;
    private final int threads;
    private final LedgerReader ledger;
    private final List<String> districts;
    private final String runId;
    private final AtomicLong numbers;
    private final Console console;
    private long referralsOnly;
    private final AtomicLong overHttp = new AtomicLong();

    StoreGrowth(BenchPlatform platform, int threads, Intake intake, LedgerReader ledger, List<String> districts,
                String runId, AtomicLong numbers, Console console) {
        this.intake = intake;
        this.platform = platform;
        this.threads = threads;
        this.ledger = ledger;
        this.districts = districts;
        this.runId = runId;
        this.numbers = numbers;
        this.console = console;
    }

    /** How many of the stored cases are referrals only (inbound Kafka and HTTP). */
    long referralsOnly() {
        return referralsOnly;
    }

    /** How many of those came by POST /referrals. */
    long overHttp() {
        return overHttp.get();
    }

    /** Sends inbound referrals until {@code cases} cases are stored, keeping a bounded number in flight. */
    void growTo(int cases) {
        long startedNanos = System.nanoTime();
        int before = intake.referralsSeen();
        long needed = Math.max(0, cases - before);
        long httpShare = needed / 2;
        AtomicLong httpLeft = new AtomicLong(httpShare);
        AtomicReference<RuntimeException> httpFailure = new AtomicReference<>();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            clients.submit(() -> referOverHttp(httpLeft, httpFailure));
        }
        clients.shutdown();
        long httpBefore = overHttp.get();
        long kafkaSent = 0;
        long lastReport = System.nanoTime();
        int lastSeen = before;
        int reportedSeen = before;
        long lastProgress = System.nanoTime();
        while (intake.referralsSeen() < cases) {
            if (httpFailure.get() != null) {
                clients.shutdownNow();
                throw httpFailure.get();
            }
            while (kafkaSent < needed - httpShare
                    && kafkaSent + overHttp.get() - httpBefore - (intake.referralsSeen() - before) < IN_FLIGHT) {
                long number = numbers.getAndIncrement();
                intake.send(Referrals.referral(runId, number, districts.get((int) (number % districts.size())),
                        true));
                kafkaSent++;
            }
            intake.flush();
            LifecycleDriver.sleep(200);
            int seen = intake.referralsSeen();
            if (seen > lastSeen) {
                lastSeen = seen;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("no new referral on the referral topic for " + STALL.toMinutes()
                        + " min; " + seen + " of " + cases + " cases stored");
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                // the rate of the last ten seconds: it falls as the store grows
                double rate = (seen - reportedSeen) / ((System.nanoTime() - lastReport) / 1e9);
                lastReport = System.nanoTime();
                reportedSeen = seen;
                console.step("growing the store to %,d cases: %,d stored, %.0f referrals/s now, about %s left", cases,
                        seen, rate, rate > 0 ? Duration.ofSeconds((long) ((cases - seen) / rate)) : "?");
            }
        }
        referralsOnly += needed;
        awaitLedger(cases);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        console.step("store holds %,d cases (%,d more referrals, %,d of them over HTTP, in %.0f s: %.0f/s)", cases,
                needed, httpShare, seconds, needed / seconds);
    }

    private void referOverHttp(AtomicLong left, AtomicReference<RuntimeException> failure) {
        String url = platform.url("referral-service") + "/referrals";
        try {
            while (left.getAndDecrement() > 0 && failure.get() == null) {
                long number = numbers.getAndIncrement();
                Map<String, Object> body = Referrals.referral(runId, number,
                        districts.get((int) (number % districts.size())), false);
                Http.expect(201, platform.http().post(url, body, "bench.referrer"), "referral");
                overHttp.incrementAndGet();
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void awaitLedger(int cases) {
        long deadline = System.nanoTime() + STALL.toNanos();
        while (ledger.count("ReferralReceived") < cases) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ledger holds fewer than " + cases + " referrals after "
                        + STALL.toMinutes() + " min");
            }
            LifecycleDriver.sleep(1000);
        }
    }
}
