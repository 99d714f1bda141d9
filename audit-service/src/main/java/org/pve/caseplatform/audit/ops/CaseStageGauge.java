package org.pve.caseplatform.audit.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.pve.caseplatform.audit.cohort.CohortCases;

/**
 * The case-stage funnel as the gauge {@code platform.cases{stage, district}}: cases per current stage, counted from
 * the cohort read model (which derives each case's stage from its latest lifecycle event). Recounted on a schedule
 * ({@link #recount()}); a stage a district no longer has any case in drops out of the gauge. Cases sealed on the
 * security side count under their stage like any other: a number per district, never a case.
 */
public class CaseStageGauge {

    public static final String NAME = "platform.cases";
    static final String UNKNOWN_DISTRICT = "unknown";

    private final CohortCases cases;
    private final MultiGauge gauge;

    public CaseStageGauge(CohortCases cases, MeterRegistry registry) {
        this.cases = cases;
        this.gauge = MultiGauge.builder(NAME)
                .description("Cases per current stage and district, from audit-service's read model")
                .register(registry);
    }

    /** Counts the cases per district and stage again and publishes the counts. */
    public void recount() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        count(cases.currentStages()).forEach((key, count) ->
                rows.add(MultiGauge.Row.of(Tags.of("district", key.get(0), "stage", key.get(1)), count)));
        gauge.register(rows, true);
    }

    static Map<List<String>, Long> count(List<Document> stages) {
        Map<List<String>, Long> counts = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Document stored : stages) {
            Document summary = stored.get("summary", Document.class);
            String stage = summary == null ? null : summary.getString("stage");
            if (stage != null) {
                String district = stored.getString("districtId");
                counts.merge(List.of(district == null ? UNKNOWN_DISTRICT : district, stage), 1L, Long::sum);
            }
        }
        return counts;
    }
}
