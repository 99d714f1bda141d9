package org.pve.caseplatform.audit.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a replay stands: records read of those there were when it started, its rate (records per second) and the
 * time it estimates it still needs; {@code comparison} once it has finished and compared its models with the live.
 */
public record ReplayProgress(String replayId, String districtId, Instant from, String status, long eventsDone,
                             long eventsTotal, double ratePerSecond, Duration estimatedTimeLeft,
                             ReplayComparison comparison, String failure) {

    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";
    public static final String FAILED = "FAILED";
}
