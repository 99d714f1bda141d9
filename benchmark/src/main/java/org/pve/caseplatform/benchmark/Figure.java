package org.pve.caseplatform.benchmark;

/**
 * One line of the report: what was measured, its unit and the target for it (none for figures printed for
 * information, such as the baselines).
 */
record Figure(String label, String unit, Target target) {

    static final Figure KAFKA_PRODUCER = info("raw Kafka producer (acks=all)", "records/s");
    static final Figure INSERT_ONE = info("raw driver insertOne", "docs/s");
    static final Figure INSERT_MANY = info("raw driver insertMany(100)", "docs/s");
    static final Figure CASES_PER_SECOND = info("lifecycles closed, max load", "cases/s");
    static final Figure EVENTS_PER_SECOND = new Figure("lifecycle events in the ledger, max load", "events/s",
            Target.atLeast(1000));
    static final Figure INTAKE_P50 = info("ReferralReceived -> ledger p50, max load", "ms");
    static final Figure INTAKE_P95 = info("ReferralReceived -> ledger p95, max load", "ms");
    static final Figure INTAKE_P99 = info("ReferralReceived -> ledger p99, max load", "ms");
    static final Figure PACED_EVENTS_PER_SECOND = info("lifecycle events in the ledger, paced at 80%", "events/s");
    static final Figure PACED_INTAKE_P99 = new Figure("ReferralReceived -> ledger p99, paced at 80%", "ms",
            Target.atMost(1000));
    static final Figure PACED_EVENT_P99 = new Figure("any event -> ledger p99, paced at 80%", "ms",
            Target.atMost(1000));
    static final Figure REPLAY_RATE = info("audit replay (rebuild) rate", "events/s");
    static final Figure EVENTS_VS_KAFKA = info("events/s / raw Kafka records/s", "ratio");
    static final Figure EVENTS_VS_INSERT_ONE = info("events/s / raw insertOne docs/s", "ratio");
    static final Figure REPLAY_VS_INSERT_MANY = new Figure("replay rate / raw insertMany docs/s", "ratio",
            Target.atLeast(0.5));
    static final double MEGABYTE = 1024.0 * 1024.0;
    static final Target MEMORY_TARGET = Target.atMost(512);

    static Figure info(String label, String unit) {
        return new Figure(label, unit, Target.NONE);
    }

    static Figure historyP50(int cases) {
        return info("case history GET p50, " + cases + " cases stored", "ms");
    }

    static Figure historyP95(int cases) {
        return info("case history GET p95, " + cases + " cases stored", "ms");
    }

    static Figure historyP99(int cases, boolean targeted) {
        return new Figure("case history GET p99, " + cases + " cases stored", "ms",
                targeted ? Target.atMost(50) : Target.NONE);
    }

    /** The most the JVM ever held resident (VmHWM), read at the end of the row. */
    static Figure peakResident(String process, boolean targeted) {
        return new Figure(process + " peak resident (VmHWM)", "MB", targeted ? MEMORY_TARGET : Target.NONE);
    }

    /** The highest resident size seen by sampling VmRSS twice a second during the load. */
    static Figure sampledResident(String process) {
        return info(process + " sampled VmRSS peak", "MB");
    }

    /** A bound on a figure, or none. */
    record Target(String comparison, double bound) {

        static final Target NONE = new Target("", Double.NaN);

        static Target atLeast(double bound) {
            return new Target(">=", bound);
        }

        static Target atMost(double bound) {
            return new Target("<=", bound);
        }

        boolean isSet() {
            return !comparison.isEmpty();
        }

        /** Whether the value meets the bound; a value that was not measured meets nothing. */
        boolean metBy(double value) {
            if (Double.isNaN(value)) {
                return false;
            }
            return comparison.equals(">=") ? value >= bound : value <= bound;
        }
    }
}
