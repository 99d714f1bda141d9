package org.pve.caseplatform.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The read-side figures: case-history query latency and the audit rebuild's replay rate. */
final class Probes {

    private static final int WARM_UP = 10;
    private static final Duration REPLAY_PATIENCE = Duration.ofMinutes(6);

    private Probes() {
    }

    /** GET /cases/{id}/history as an auditor (X-Purpose AUDIT) for random stored cases, one at a time. */
    static Percentiles historyLatency(BenchPlatform platform, List<String> caseIds, int samples, long seed) {
        String audit = platform.url("audit-service");
        List<String> picked = new ArrayList<>(caseIds);
        Collections.shuffle(picked, new Random(seed));
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < Math.min(samples + WARM_UP, picked.size()); i++) {
            long started = System.nanoTime();
            Http.Reply reply = platform.http().get(audit + "/cases/" + picked.get(i) + "/history", "bench.auditor",
                    "AUDIT");
            double took = (System.nanoTime() - started) / 1e6;
            JsonNode history = Http.expect(200, reply, "case history");
            if (history == null || !history.path("events").isArray() || history.path("events").isEmpty()) {
                throw new IllegalStateException("case history without events: " + reply.text());
            }
            if (i >= WARM_UP) {
                millis.add(took);
            }
        }
        return Percentiles.of(millis);
    }

    /** Replays every district into fresh read models (POST /replays as an analyst), following its progress. */
    static double replayRate(BenchPlatform platform, Console console) {
        String audit = platform.url("audit-service");
        JsonNode started = Http.expect(202, platform.http().post(audit + "/replays", Map.of(), "bench.analyst"),
                "replay");
        String replayId = started.get("replayId").asText();
        long startedNanos = System.nanoTime();
        long lastReport = 0;
        while (true) {
            if (System.nanoTime() - startedNanos > REPLAY_PATIENCE.toNanos()) {
                throw new IllegalStateException("replay " + replayId + " not finished after "
                        + REPLAY_PATIENCE.toMinutes() + " min");
            }
            JsonNode progress = Http.expect(200, platform.http().get(audit + "/replays/" + replayId, "bench.analyst",
                    null), "replay progress");
            String status = progress.path("status").asText();
            if (!status.equals("RUNNING")) {
                double wall = progress.path("eventsDone").asLong() / ((System.nanoTime() - startedNanos) / 1e9);
                console.step("replay %s: %s, %,d events, %.0f events/s (service), %.0f events/s (wall clock), "
                                + "rebuilt models equal the live ones: %s", replayId, status,
                        progress.path("eventsDone").asLong(), progress.path("ratePerSecond").asDouble(), wall,
                        progress.path("comparison").path("equal").asText("?"));
                if (!status.equals("FINISHED")) {
                    throw new IllegalStateException("replay " + status + ": " + progress.path("failure").asText());
                }
                return progress.path("ratePerSecond").asDouble();
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                console.step("replay %s: %,d/%,d events, %.0f events/s", replayId,
                        progress.path("eventsDone").asLong(), progress.path("eventsTotal").asLong(),
                        progress.path("ratePerSecond").asDouble());
            }
            LifecycleDriver.sleep(500);
        }
    }
}
