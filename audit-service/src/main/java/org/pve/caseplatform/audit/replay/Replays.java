package org.pve.caseplatform.audit.replay;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.cohort.CohortProjection;
import org.pve.caseplatform.audit.query.Ledger;
import org.pve.caseplatform.audit.ledger.HashChains;
import org.pve.caseplatform.audit.query.LedgerProjection;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the audit read models (the ledger and the cohort cases) from the topics into a fresh database named
 * after the replay, with the same projections the live service runs, then compares them with the live models.
 * Logs its progress (records done, rate, time left) at most every second while it runs, and its rate at the end.
 * Meters: {@value PlatformMetrics#REPLAY_EVENTS} counts the events a replay applied (tagged with its id and its
 * district, {@code all} for every district) and {@value PlatformMetrics#REPLAY_PROGRESS} is its fraction done, 0 to 1.
 */
public class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final Function<String, Properties> consumerProperties;
    private final List<String> topics;
    private final MongoDatabase live;
    private final Function<String, MongoDatabase> replayDatabase;
    private final Clock clock;
    private final Executor executor;
    private final Function<MongoDatabase, HashChains> chains;
    private final Predicate<String> holdsKey;
    private final Map<String, ReplayProgress> progress = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    /**
     * @param consumerProperties Kafka consumer settings for a replay id (its group is never committed to)
     * @param replayDatabase     the fresh database a replay with that id writes to
     * @param chains             the ledger's hash chains over a database, or null: a full replay (every district,
     *                           from the beginning) rebuilds them too, and they must come out link for link as the
     *                           live ones
     * @param holdsKey           whether the key store still holds a keyRef's key: a difference found shows a
     *                           personal field whose key is gone as {@code {"erased": true}}
     * @param registry           where the replay meters go
     */
    public Replays(Function<String, Properties> consumerProperties, List<String> topics, MongoDatabase live,
                   Function<String, MongoDatabase> replayDatabase, Clock clock, Executor executor,
                   Function<MongoDatabase, HashChains> chains, Predicate<String> holdsKey, MeterRegistry registry) {
        this.registry = registry;
        this.holdsKey = holdsKey;
        this.chains = chains;
        this.consumerProperties = consumerProperties;
        this.topics = List.copyOf(topics);
        this.live = live;
        this.replayDatabase = replayDatabase;
        this.clock = clock;
        this.executor = executor;
    }

    /** Starts a replay in the background; its progress is at {@link #progress(String)} under the returned id. */
    public String start(ReplayRequest request) {
        String replayId = newId();
        progress.put(replayId, running(replayId, request, 0, 0, 0, null));
        measureProgress(replayId);
        executor.execute(() -> run(replayId, request));
        return replayId;
    }

    /** Runs a replay to its end in the caller's thread. */
    public ReplayProgress run(ReplayRequest request) {
        String replayId = newId();
        measureProgress(replayId);
        return run(replayId, request);
    }

    public Optional<ReplayProgress> progress(String replayId) {
        return Optional.ofNullable(progress.get(replayId));
    }

    /** The database a replay wrote to, for reading its models. */
    public MongoDatabase database(String replayId) {
        return replayDatabase.apply(replayId);
    }

    private ReplayProgress run(String replayId, ReplayRequest request) {
        long started = System.nanoTime();
        long[] lastLog = {0};
        try {
            MongoDatabase target = replayDatabase.apply(replayId);
            target.drop();
            boolean full = request.districtId() == null && request.from() == null;
            Counter applied = Counter.builder(PlatformMetrics.REPLAY_EVENTS)
                    .description("Events a replay applied to the models it rebuilds")
                    .tag("replay", replayId)
                    .tag("district", request.districtId() == null ? "all" : request.districtId())
                    .register(registry);
            Consumer<DeliveredEvent> sink = sink(target, request.districtId(), full && chains != null, applied);
            log.info("replay {} started: district {}, from {}", replayId,
                    request.districtId() == null ? "all" : request.districtId(),
                    request.from() == null ? "the beginning" : request.from());
            ReplayedRange range = new TopicReplay(consumerProperties.apply(replayId), topics)
                    .replay(request.from(), sink, (done, total) -> {
                        double rate = rate(done, started);
                        Duration left = rate > 0 ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
                        progress.put(replayId, running(replayId, request, done, total, rate, left));
                        if (System.nanoTime() - lastLog[0] > LOG_EVERY_NANOS) {
                            lastLog[0] = System.nanoTime();
                            log.info("replay {}: {} of {} events, {} events/s, about {} left", replayId, done,
                                    total, String.format("%.1f", rate), left == null ? "?" : left);
                        }
                    });
            ReplayProgress reached = progress.get(replayId);
            ReplayComparison comparison = ReplayComparator.compare(live, target, request.districtId(), range,
                    request.from() == null, full && chains != null, holdsKey);
            double rate = rate(reached.eventsDone(), started);
            ReplayProgress finished = new ReplayProgress(replayId, request.districtId(), request.from(),
                    ReplayProgress.FINISHED, reached.eventsDone(), reached.eventsTotal(), rate, Duration.ZERO,
                    comparison, null);
            progress.put(replayId, finished);
            log.info("replay {} finished: {} events in {} at {} events/s; equal to the live models: {}{}", replayId,
                    finished.eventsDone(), Duration.ofNanos(System.nanoTime() - started),
                    String.format("%.1f", rate), comparison.equal(),
                    comparison.equal() ? "" : " (first difference: " + headline(comparison.differences().get(0))
                            + "; the whole difference is in the replay's progress)");
            return finished;
        } catch (RuntimeException e) {
            log.error("replay {} failed", replayId, e);
            ReplayProgress last = progress.get(replayId);
            ReplayProgress failed = new ReplayProgress(replayId, request.districtId(), request.from(),
                    ReplayProgress.FAILED, last == null ? 0 : last.eventsDone(),
                    last == null ? 0 : last.eventsTotal(), rate(last == null ? 0 : last.eventsDone(), started), null,
                    null, e.getMessage());
            progress.put(replayId, failed);
            return failed;
        }
    }

    private Consumer<DeliveredEvent> sink(MongoDatabase target, String districtId, boolean chained,
                                          Counter applied) {
        LedgerProjection ledger = chained
                ? new LedgerProjection(new Ledger(target), chains.apply(target), clock)
                : new LedgerProjection(new Ledger(target), clock);
        CohortProjection cohorts = new CohortProjection(new CohortCases(target), districtId);
        return event -> {
            if (districtId != null && !districtId.equals(districtOf(event))) {
                return;
            }
            ledger.on(event);
            if (!Topics.ACCESS_LOG.equals(event.topic())) {
                cohorts.on(event);
            }
            applied.increment();
        };
    }

    /** The gauge of a replay's fraction done: records read of those there were, 1 once finished. */
    private void measureProgress(String replayId) {
        Gauge.builder(PlatformMetrics.REPLAY_PROGRESS, progress, all -> fractionDone(all.get(replayId)))
                .description("Fraction done of a replay, 0 to 1")
                .tag("replay", replayId)
                .strongReference(true)
                .register(registry);
    }

    static double fractionDone(ReplayProgress reached) {
        if (reached == null) {
            return 0;
        }
        if (ReplayProgress.FINISHED.equals(reached.status())) {
            return 1;
        }
        return reached.eventsTotal() <= 0 ? 0 : Math.min(1, (double) reached.eventsDone() / reached.eventsTotal());
    }

    /** The district as the ledger reads it: the header, else the JSON's districtId. */
    static String districtOf(DeliveredEvent event) {
        if (event.districtId() != null && !event.districtId().isBlank()) {
            return event.districtId();
        }
        try {
            Object district = Document.parse(event.json()).get("districtId");
            return district instanceof String text ? text : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A difference without the documents it quotes: a log line carries no field of an event. */
    static String headline(String difference) {
        int quoted = difference.indexOf(": live ");
        return quoted < 0 ? difference : difference.substring(0, quoted);
    }

    private static ReplayProgress running(String replayId, ReplayRequest request, long done, long total,
                                          double rate, Duration left) {
        return new ReplayProgress(replayId, request.districtId(), request.from(), ReplayProgress.RUNNING, done,
                total, rate, left, null, null);
    }

    private static double rate(long done, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    private static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
