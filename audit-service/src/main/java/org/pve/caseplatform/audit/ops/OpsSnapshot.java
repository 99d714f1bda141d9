package org.pve.caseplatform.audit.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the operator dashboard shows at one scrape: when, from which services, and each panel's rows. Aggregates
 * only: series summed by labels such as district, stage, event type, consumer or topic; never a case or a person.
 * {@code sinceSeconds} is the time since the scrape the rates were taken against (absent on the first).
 */
public record OpsSnapshot(Instant scrapedAt, Double sinceSeconds, List<Source> sources, List<Panel> panels) {

    /** A service scraped: its address, the application it said it is, and whether the scrape worked. */
    public record Source(String url, String application, boolean up, String error, long millis) {
    }

    /** A panel and its rows, one per combination of its labels. */
    public record Panel(String id, String title, String series, List<String> labels, boolean counter,
                        List<Row> rows) {
    }

    /** A row: the labels' values, the summed value and, for a counter seen in the scrape before, its rate. */
    public record Row(Map<String, String> labels, double value, Double perSecond) {
    }
}
