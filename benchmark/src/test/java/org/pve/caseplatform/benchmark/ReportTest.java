package org.pve.caseplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void eachFigureShowsBothRowsItsTargetAndWhetherEachRowMetIt() {
        Map<Figure, Double> memory = new LinkedHashMap<>();
        memory.put(Figure.KAFKA_PRODUCER, 41_234.5);
        memory.put(Figure.EVENTS_PER_SECOND, 1_250.0);
        memory.put(Figure.PACED_INTAKE_P99, 1_400.0);
        Map<Figure, Double> disk = new LinkedHashMap<>();
        disk.put(Figure.KAFKA_PRODUCER, 39_000.0);
        disk.put(Figure.EVENTS_PER_SECOND, 700.0);

        List<String> lines = Report.table(List.of("in-memory", "disk"), List.of(memory, disk)).lines().toList();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("figure", "in-memory", "disk", "target", "met? (in-memory / disk)");
        assertThat(cells(lines.get(2))).containsExactly("raw Kafka producer (acks=all)", "41,235", "39,000",
                "records/s", "", "");
        assertThat(cells(lines.get(3))).containsExactly("lifecycle events in the ledger, max load", "1,250", "700",
                "events/s", ">= 1,000", "yes / NO");
        assertThat(cells(lines.get(4))).containsExactly("ReferralReceived -> ledger p99, paced at 80%", "1,400", "-",
                "ms", "<= 1,000", "NO / -");
    }

    @Test
    void columnsLineUp() {
        Map<Figure, Double> row = Map.of(Figure.historyP99(100_000, true), 7.25);

        List<String> lines = Report.table(List.of("in-memory"), List.of(row)).lines().toList();

        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
        assertThat(cells(lines.get(2))).containsExactly("case history GET p99, 100000 cases stored", "7.25", "ms",
                "<= 50.0", "yes");
    }

    @Test
    void numbersGetFewerDecimalsTheLargerTheyAre() {
        assertThat(Report.number(0.456)).isEqualTo("0.46");
        assertThat(Report.number(12.34)).isEqualTo("12.3");
        assertThat(Report.number(1234.5)).isEqualTo("1,235");
        assertThat(Report.number(Double.NaN)).isEqualTo("-");
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }
}
