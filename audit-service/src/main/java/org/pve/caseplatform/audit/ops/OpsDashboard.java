package org.pve.caseplatform.audit.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pve.caseplatform.audit.ops.MetricScraper.Result;
import org.pve.caseplatform.support.metrics.PrometheusText;
import org.pve.caseplatform.support.metrics.PrometheusText.Sample;

/**
 * The operator dashboard's figures: scrapes the services when asked, at most once per {@code minInterval} however
 * many pages ask (they share the snapshot), and computes each counter's rate against the scrape before. Nobody
 * looking costs nothing. A counter that went down (a service restarted, or was not reached) or is new since the
 * scrape before has no rate until the next scrape.
 */
public class OpsDashboard {

    private final MetricScraper scraper;
    private final List<OpsPanel> panels;
    private final Duration minInterval;
    private final Clock clock;
    private OpsSnapshot latest;

    public OpsDashboard(MetricScraper scraper, List<OpsPanel> panels, Duration minInterval, Clock clock) {
        this.scraper = scraper;
        this.panels = List.copyOf(panels);
        this.minInterval = minInterval;
        this.clock = clock;
    }

    public synchronized OpsSnapshot snapshot() {
        Instant now = clock.instant();
        if (latest == null || Duration.between(latest.scrapedAt(), now).compareTo(minInterval) >= 0) {
            latest = build(now, scraper.scrape(), latest);
        }
        return latest;
    }

    OpsSnapshot build(Instant now, List<Result> results, OpsSnapshot previous) {
        List<Sample> samples = new ArrayList<>();
        List<OpsSnapshot.Source> sources = new ArrayList<>();
        for (Result result : results) {
            samples.addAll(result.samples());
            sources.add(new OpsSnapshot.Source(result.url(), result.application(), result.up(), result.error(),
                    result.millis()));
        }
        Double since = previous == null ? null : Duration.between(previous.scrapedAt(), now).toMillis() / 1000.0;
        List<OpsSnapshot.Panel> views = new ArrayList<>();
        for (OpsPanel panel : panels) {
            Map<Map<String, String>, Double> before = previous == null ? Map.of() : values(previous, panel.id());
            List<OpsSnapshot.Row> rows = new ArrayList<>();
            PrometheusText.sumBy(samples, panel.series(), panel.labels()).forEach((labels, value) ->
                    rows.add(new OpsSnapshot.Row(labels, value,
                            panel.counter() ? rate(before.get(labels), value, since) : null)));
            views.add(new OpsSnapshot.Panel(panel.id(), panel.title(), panel.series(), panel.labels(),
                    panel.counter(), rows));
        }
        return new OpsSnapshot(now, since, sources, views);
    }

    private static Map<Map<String, String>, Double> values(OpsSnapshot snapshot, String panelId) {
        Map<Map<String, String>, Double> values = new HashMap<>();
        snapshot.panels().stream().filter(panel -> panel.id().equals(panelId))
                .flatMap(panel -> panel.rows().stream()).forEach(row -> values.put(row.labels(), row.value()));
        return values;
    }

    /** Per second since the scrape before; none for a series that scrape did not have (its service was down). */
    private static Double rate(Double before, double now, Double seconds) {
        if (before == null || seconds == null || seconds <= 0 || now < before) {
            return null;
        }
        return (now - before) / seconds;
    }
}
