package org.pve.caseplatform.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a report: a table of the differences and pending items by case, then a summary; or all of it as JSON. */
final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ROW = "%-36s  %-12s  %-24s  %-18s  %-36s  %-26s  %s%n";

    private ReportWriter() {
    }

    static void table(ReconciliationReport report, PrintStream out) {
        if (!report.differences().isEmpty()) {
            out.println("Differences");
            out.printf(ROW, "case", "district", "kind", "service", "messageId", "event", "detail");
            report.differences().forEach(d -> out.printf(ROW, text(d.caseId()), text(d.districtId()), d.kind(),
                    text(d.service()), text(d.messageId()), text(d.eventType()), text(d.detail())));
            out.println();
        }
        if (!report.pending().isEmpty()) {
            out.println("Pending (within the grace period)");
            out.printf(ROW, "case", "district", "would be", "service", "messageId", "event", "detail");
            report.pending().forEach(p -> out.printf(ROW, text(p.caseId()), text(p.districtId()), p.wouldBe(),
                    text(p.service()), text(p.messageId()), text(p.eventType()), text(p.detail())));
            out.println();
        }
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

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

}
