package org.pve.caseplatform.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a report: a table of the differences and pending items by case, then a summary; or all of it as JSON. */
final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ROW = "%-36s  %-16s  %-24s  %-18s  %-36s  %-26s  %s%n";

    private ReportWriter() {
    }

    static void table(ReconciliationReport report, PrintStream out) {
        section(out, "Differences", "kind", report.differences().stream().map(d -> Arrays.<Object>asList(
                d.caseId(), d.districtId(), d.kind(), d.service(), d.messageId(), d.eventType(), d.detail()))
                .toList());
        section(out, "Pending (within the grace period)", "would be", report.pending().stream()
                .map(p -> Arrays.<Object>asList(p.caseId(), p.districtId(), p.wouldBe(), p.service(), p.messageId(),
                        p.eventType(), p.detail())).toList());
        out.printf("Cases compared: %d%n", report.casesCompared());
        out.printf("Events compared: %d%n", report.eventsCompared());
        out.printf("Differences: %d%n", report.differences().size());
        report.differencesByKind().forEach((kind, count) -> out.printf("  %-24s %d%n", kind, count));
        out.printf("Pending: %d%n", report.pending().size());
        out.println(report.clean() ? "Result: clean" : "Result: DIFFERENCES FOUND");
    }

    static void json(ReconciliationReport report, PrintStream out) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("clean", report.clean());
        document.put("casesCompared", report.casesCompared());
        document.put("eventsCompared", report.eventsCompared());
        document.put("differencesByKind", report.differencesByKind());
        document.put("differences", report.differences());
        document.put("pending", report.pending());
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
    }

    /** A titled table, one row per item (nothing when there are none); a missing value shows as "-". */
    private static void section(PrintStream out, String title, String kindColumn, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println(title);
        out.printf(ROW, "case", "district", kindColumn, "service", "messageId", "event", "detail");
        rows.forEach(row -> out.printf(ROW, row.stream().map(ReportWriter::text).toArray()));
        out.println();
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

}
