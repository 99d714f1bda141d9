package org.pve.caseplatform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark command of issue 8. For each MongoDB-wire backend (in memory, then on disk) it launches the whole
 * platform on free ports in a fresh data dir, measures the raw baselines on that broker and server, drives invented
 * cases through the public interfaces only (inbound Kafka and HTTP; it reads the ledger, never writes a store), and
 * prints one table: each figure per backend, the target and whether it was met.
 */
public final class Benchmark {

    /** What the estimate before the first pass assumes (measured with --quick, 2 cores shared with other work). */
    static final double ASSUMED_CASES_PER_SECOND = 1.5;
    static final double ASSUMED_REFERRALS_PER_SECOND = 50;

    private Benchmark() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "embedded-platform-logback.xml");
        }
        Console console = new Console(System.out);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            console.text(Options.USAGE);
            return;
        }
        try {
            run(options, console);
            System.exit(0);
        } catch (RuntimeException e) {
            console.step("FAILED: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(Options options, Console console) {
        Districts districts = Districts.of(BenchPlatform.jar(options.repoDir(), "plan-service"));
        console.step("%d cores, load average %s, max heap %,d MB; full lifecycles in %s; cheap cases in all %d "
                        + "districts", Runtime.getRuntime().availableProcessors(), loadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, districts.lifecycle(), districts.all().size());
        console.step("estimate: about %d min for %s (at the rates measured on a shared 2-core machine: %.0f cases/s, "
                + "%.0f referrals/s; revised after the first pass)", Math.round(estimateSeconds(options,
                ASSUMED_CASES_PER_SECOND, ASSUMED_REFERRALS_PER_SECOND) * options.backends().size() / 60),
                options.backends().stream().map(b -> b.title).toList(), ASSUMED_CASES_PER_SECOND,
                ASSUMED_REFERRALS_PER_SECOND);
        List<String> titles = new ArrayList<>();
        List<Map<Figure, Double>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Options.Backend backend : options.backends()) {
            titles.add(backend.title);
            rows.add(row(options, backend, districts, console, notes));
            // after every row, so that a long run stopped early still shows what it measured
            console.text("");
            console.text("Benchmark of " + LocalDate.now() + " (" + Runtime.getRuntime().availableProcessors()
                    + " cores; targets apply to the " + options.backends().get(0).title + " row)");
            console.text(Report.table(titles, rows));
            notes.forEach(note -> console.text("  " + note));
            console.text("");
        }
    }

    private static Map<Figure, Double> row(Options options, Options.Backend backend, Districts districts,
                                           Console console, List<String> notes) {
        Map<Figure, Double> figures = new LinkedHashMap<>();
        console.step("=== %s backend: starting the platform on free ports ===", backend.title);
        String runId = UUID.randomUUID().toString().substring(0, 6);
        try (BenchPlatform platform = BenchPlatform.start(options, backend, console);
             MemorySampler memory = new MemorySampler(platform.processes());
             Intake intake = new Intake(platform.bootstrapServers());
             LedgerReader ledger = new LedgerReader(platform.mongoUri())) {
            AtomicLong numbers = new AtomicLong();
            StoreGrowth growth = new StoreGrowth(platform, options.threads(), intake, ledger, districts.all(), runId,
                    numbers, console);
            // each step on its own: one that fails is noted and the row goes on to the next
            attempt(backend.title, "lifecycle passes", notes, console, () -> lifecycles(backend.title, options,
                    platform, intake, ledger, districts, runId, numbers, figures, notes, console));
            long lifecycles = numbers.get();
            attempt(backend.title, "replay", notes, console,
                    () -> figures.put(Figure.REPLAY_RATE, Probes.replayRate(platform, console)));
            attempt(backend.title, "case-history latency", notes, console, () -> histories(options, platform,
                    intake, growth, figures, console));
            ratios(figures);
            memory(figures, memory);
            notes.add(backend.title + ": stored cases = " + lifecycles + " full lifecycles (incl. warm-up; HTTP and "
                    + "inbound Kafka alternately, districts " + districts.lifecycle() + ") + "
                    + growth.referralsOnly() + " referrals only (ReferralReceived; " + growth.overHttp()
                    + " of them by POST /referrals, the rest on the inbound topic; all " + districts.all().size()
                    + " districts); load average at the end " + loadAverage());
        } catch (RuntimeException e) {
            console.step("%s row stopped: %s", backend.title, e.getMessage());
            notes.add(backend.title + ": the row stopped early: " + e.getMessage());
        }
        return figures;
    }

    private static void lifecycles(String row, Options options, BenchPlatform platform, Intake intake,
                                   LedgerReader ledger, Districts districts, String runId, AtomicLong numbers,
                                   Map<Figure, Double> figures, List<String> notes, Console console) {
        LoadPass pass = new LoadPass(new LifecycleDriver(platform, intake, runId), ledger, districts.lifecycle(),
                numbers, console);
        pass.run("warm-up", Math.min(options.threads() * 2, options.cases()), options.threads(), 0);
        // once the services have warmed up and the ledger has caught up, so the broker and server are quiet
        attempt(row, "baselines", notes, console,
                () -> Baselines.measure(platform, options.baselineRecords(), figures, console));
        LoadPass.Result max = pass.run("max load", options.cases(), options.threads(), 0);
        figures.put(Figure.CASES_PER_SECOND, max.casesPerSecond());
        figures.put(Figure.EVENTS_PER_SECOND, max.eventsPerSecond());
        figures.put(Figure.INTAKE_P50, max.intakeMillis().p50());
        figures.put(Figure.INTAKE_P95, max.intakeMillis().p95());
        figures.put(Figure.INTAKE_P99, max.intakeMillis().p99());
        console.step("max load: %d cases closed (%d failed), %,d case events (and %,d access-log records) in "
                        + "%.0f s: %.1f cases/s, %.0f events/s; ReferralReceived->ledger p50/p95/p99 %.0f/%.0f/%.0f "
                        + "ms", max.closed(), max.failed(), max.caseEvents(), max.accessRecords(), max.seconds(),
                max.casesPerSecond(), max.eventsPerSecond(),
                max.intakeMillis().p50(), max.intakeMillis().p95(), max.intakeMillis().p99());
        double pace = 0.8 * max.casesPerSecond();
        console.step("estimate: the rest of this row takes about %d min", Math.round(
                (estimateSeconds(options, max.casesPerSecond(), ASSUMED_REFERRALS_PER_SECOND)
                        - options.cases() / max.casesPerSecond()) / 60));
        LoadPass.Result paced = pass.run(String.format(Locale.ROOT, "paced at %.1f cases/s", pace),
                options.pacedCases(), options.threads() * 3, pace);
        figures.put(Figure.PACED_EVENTS_PER_SECOND, paced.eventsPerSecond());
        figures.put(Figure.PACED_INTAKE_P99, paced.intakeMillis().p99());
        figures.put(Figure.PACED_EVENT_P99, paced.eventMillis().p99());
        console.step("paced: %.0f events/s; ReferralReceived->ledger p99 %.0f ms, any event->ledger p99 %.0f ms",
                paced.eventsPerSecond(), paced.intakeMillis().p99(), paced.eventMillis().p99());
    }

    private static void histories(Options options, BenchPlatform platform, Intake intake, StoreGrowth growth,
                                  Map<Figure, Double> figures, Console console) {
        List<Integer> sizes = options.historyCases();
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            growth.growTo(size);
            Percentiles history = Probes.historyLatency(platform, intake.caseIds(), options.historySamples(), size);
            figures.put(Figure.historyP50(size), history.p50());
            figures.put(Figure.historyP95(size), history.p95());
            figures.put(Figure.historyP99(size, i == sizes.size() - 1), history.p99());
            console.step("case history with %,d cases stored: p50/p95/p99 %.0f/%.0f/%.0f ms (%d GETs)", size,
                    history.p50(), history.p95(), history.p99(), history.count());
        }
    }

    private static void attempt(String row, String step, List<String> notes, Console console,
                                Runnable measurement) {
        try {
            measurement.run();
        } catch (RuntimeException e) {
            console.step("%s: %s failed: %s", row, step, e.getMessage());
            notes.add(row + ": " + step + " not measured: " + e.getMessage());
        }
    }

    private static void ratios(Map<Figure, Double> figures) {
        ratio(figures, Figure.EVENTS_VS_KAFKA, Figure.EVENTS_PER_SECOND, Figure.KAFKA_PRODUCER);
        ratio(figures, Figure.EVENTS_VS_INSERT_ONE, Figure.EVENTS_PER_SECOND, Figure.INSERT_ONE);
        ratio(figures, Figure.REPLAY_VS_INSERT_MANY, Figure.REPLAY_RATE, Figure.INSERT_MANY);
    }

    private static void ratio(Map<Figure, Double> figures, Figure ratio, Figure ours, Figure raw) {
        if (figures.containsKey(ours) && figures.containsKey(raw)) {
            figures.put(ratio, figures.get(ours) / figures.get(raw));
        }
    }

    private static void memory(Map<Figure, Double> figures, MemorySampler memory) {
        Map<String, Long> sampled = memory.peakSampled();
        memory.highWaterMarks().forEach((process, bytes) -> {
            boolean service = !process.equals(MemorySampler.SELF);
            figures.put(Figure.peakResident(process, service), bytes / Figure.MEGABYTE);
            if (sampled.containsKey(process)) {
                figures.put(Figure.sampledResident(process), sampled.get(process) / Figure.MEGABYTE);
            }
        });
    }

    /** Seconds for one row: start-up, baselines, the passes at a given rate, store growth, history GETs, replay. */
    static double estimateSeconds(Options options, double casesPerSecond, double referralsPerSecond) {
        int largest = options.historyCases().get(options.historyCases().size() - 1);
        double lifecycles = (Math.min(options.threads() * 2, options.cases()) + options.cases()) / casesPerSecond
                + options.pacedCases() / (0.8 * casesPerSecond);
        return 120 + 20 + lifecycles + largest / referralsPerSecond + options.historyCases().size()
                * options.historySamples() * 0.1 + 60;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
