package org.pve.caseplatform.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grows the stored cases cheaply, through the public inbound topic only: one referral per new invented person,
 * across every district in turn, each becoming a case with its ReferralReceived (and nothing more). Waits until the
 * ledger holds them all.
 */
final class StoreGrowth {

    private static final Duration STALL = Duration.ofMinutes(3);
    private static final int IN_FLIGHT = 2000;

    private final Intake intake;
    private final LedgerReader ledger;
    private final List<String> districts;
    private final String runId;
    private final AtomicLong numbers;
    private final Console console;
    private long referralsOnly;

    StoreGrowth(Intake intake, LedgerReader ledger, List<String> districts, String runId, AtomicLong numbers,
                Console console) {
        this.intake = intake;
        this.ledger = ledger;
        this.districts = districts;
        this.runId = runId;
        this.numbers = numbers;
        this.console = console;
    }

    /** How many of the stored cases are inbound referrals only. */
    long referralsOnly() {
        return referralsOnly;
    }

    /** Sends inbound referrals until {@code cases} cases are stored, keeping a bounded number in flight. */
    void growTo(int cases) {
        long startedNanos = System.nanoTime();
        int before = intake.referralsSeen();
        long sent = 0;
        long needed = Math.max(0, cases - before);
        long lastReport = System.nanoTime();
        int lastSeen = before;
        long lastProgress = System.nanoTime();
        while (intake.referralsSeen() < cases) {
            while (sent < needed && sent - (intake.referralsSeen() - before) < IN_FLIGHT) {
                long number = numbers.getAndIncrement();
                intake.send(Referrals.referral(runId, number, districts.get((int) (number % districts.size())),
                        true));
                sent++;
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
                lastReport = System.nanoTime();
                double rate = (seen - before) / ((lastReport - startedNanos) / 1e9);
                console.step("growing the store to %,d cases: %,d stored, %.0f referrals/s, about %s left", cases,
                        seen, rate, rate > 0 ? Duration.ofSeconds((long) ((cases - seen) / rate)) : "?");
            }
        }
        referralsOnly += sent;
        awaitLedger(cases);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        console.step("store holds %,d cases (%,d inbound referrals in %.0f s, %.0f/s)", cases, sent, seconds,
                sent / seconds);
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
