package org.pve.caseplatform.audit.ops;

import java.util.List;

/**
 * One table of the operator dashboard: a Prometheus series summed by the given labels; for a counter also the rate
 * per second between two scrapes.
 */
public record OpsPanel(String id, String title, String series, List<String> labels, boolean counter) {

    public OpsPanel {
        labels = List.copyOf(labels);
    }

    /** What the page shows, in its order: throughput, lag, the funnel, overdue deadlines, dead letters. */
    public static List<OpsPanel> standard() {
        return List.of(
                new OpsPanel("throughput", "Events published", "platform_events_published_total",
                        List.of("district", "event"), true),
                new OpsPanel("lag", "Consumer lag", "platform_consumer_lag",
                        List.of("application", "consumer", "topic", "partition"), false),
                new OpsPanel("cases", "Cases per stage", "platform_cases", List.of("district", "stage"), false),
                new OpsPanel("overdue", "Deadlines past due", "platform_deadlines_overdue",
                        List.of("kind", "district"), false),
                new OpsPanel("deadLetters", "Dead letters", "platform_dead_letters_total",
                        List.of("topic", "reason"), true));
    }
}
