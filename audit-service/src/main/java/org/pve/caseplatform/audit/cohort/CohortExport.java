package org.pve.caseplatform.audit.cohort;

import java.util.Arrays;
import java.util.List;
import org.pve.caseplatform.audit.history.Csv;

/** The cohort views as CSV, a withheld count left empty with {@code suppressed} true. */
public final class CohortExport {

    private CohortExport() {
    }

    public static String stages(List<StageCount> rows) {
        return Csv.of(List.of("districtId", "month", "stage", "cases", "suppressed"), rows.stream()
                .map(row -> Arrays.<Object>asList(row.districtId(), row.month(), row.stage(), row.cases(),
                        row.suppressed()))
                .toList());
    }

    public static String timeInStage(List<TimeInStage> rows) {
        return Csv.of(List.of("districtId", "stage", "stays", "p50", "p90", "suppressed"), rows.stream()
                .map(row -> Arrays.<Object>asList(row.districtId(), row.stage(), row.stays(), row.p50(), row.p90(),
                        row.suppressed()))
                .toList());
    }

    public static String outcomes(List<OutcomeCount> rows) {
        return Csv.of(List.of("districtId", "kind", "outcome", "cases", "suppressed"), rows.stream()
                .map(row -> Arrays.<Object>asList(row.districtId(), row.kind(), row.outcome(), row.cases(),
                        row.suppressed()))
                .toList());
    }
}
