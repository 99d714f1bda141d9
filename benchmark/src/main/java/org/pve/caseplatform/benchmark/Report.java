package org.pve.caseplatform.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The final table: one line per figure, one column per backend row (the first is the one the targets are for), the
 * target and whether each row met it.
 */
final class Report {

    private static final String MISSING = "-";

    private Report() {
    }

    /** The table of the rows' figures, in the order the first row to measure each figure measured it. */
    static String table(List<String> rowNames, List<Map<Figure, Double>> rows) {
        Set<Figure> figures = new LinkedHashSet<>();
        rows.forEach(row -> figures.addAll(row.keySet()));
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("figure"));
        header.addAll(rowNames);
        header.addAll(List.of("unit", "target", "met? (" + String.join(" / ", rowNames) + ")"));
        lines.add(header.toArray(String[]::new));
        for (Figure figure : figures) {
            List<String> cells = new ArrayList<>(List.of(figure.label()));
            List<String> verdicts = new ArrayList<>();
            for (Map<Figure, Double> row : rows) {
                Double value = row.get(figure);
                cells.add(value == null ? MISSING : number(value));
                verdicts.add(value == null ? MISSING : figure.target().metBy(value) ? "yes" : "NO");
            }
            cells.add(figure.unit());
            cells.add(figure.target().isSet() ? figure.target().comparison() + " " + number(figure.target().bound())
                    : "");
            cells.add(figure.target().isSet() ? String.join(" / ", verdicts) : "");
            lines.add(cells.toArray(String[]::new));
        }
        return render(lines);
    }

    /** A figure for people: thousands grouped, fewer decimals the larger it is, "-" when not measured. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return MISSING;
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String render(List<String[]> lines) {
        int columns = lines.get(0).length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            StringBuilder text = new StringBuilder("|");
            for (int i = 0; i < columns; i++) {
                // numbers right-aligned, words left
                boolean numeric = i > 0 && i <= columns - 4 && l > 0;
                String format = numeric ? " %" + widths[i] + "s |" : " %-" + widths[i] + "s |";
                text.append(String.format(Locale.ROOT, format, line[i]));
            }
            out.append(text).append(System.lineSeparator());
            if (l == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) {
                    rule.append("-".repeat(width + 2)).append('|');
                }
                out.append(rule).append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
