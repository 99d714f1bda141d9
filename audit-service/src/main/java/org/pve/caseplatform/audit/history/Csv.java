package org.pve.caseplatform.audit.history;

import java.util.List;
import java.util.Map;

/**
 * RFC 4180 text for exports: every value quoted when it holds a comma, quote or line break, and a value a
 * spreadsheet would run as a formula (starting with =, +, -, @) prefixed with an apostrophe.
 */
public final class Csv {

    private Csv() {
    }

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header.stream().map(Object.class::cast).toList());
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    /**
     * An event's data as JSON with every encrypted value (an object carrying a ciphertext) replaced by
     * {@code "[encrypted]"} and every erased one shown as {@code {"erased": true}}: an export carries pseudonyms and
     * enums, never a personal field, not even as ciphertext.
     */
    public static String redacted(Map<String, Object> data) {
        return PersonalFields.map(data, field -> PersonalFields.isErased(field) ? PersonalFields.erased()
                : "[encrypted]").toJson();
    }

    private static void line(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(values.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
