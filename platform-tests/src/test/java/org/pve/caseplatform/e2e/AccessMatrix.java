package org.pve.caseplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/security/access-matrix.md as data: its endpoints (service, method, path -> operation), its operations (per
 * role: district, agency, provider or '-'; whether a case-detail read) and the purposes each role may state.
 */
record AccessMatrix(List<Endpoint> endpoints, Map<String, OperationRow> operations,
                    Map<String, List<String>> purposes) {

    static final Path DOCUMENT = Path.of("docs", "security", "access-matrix.md");

    /** One row of the endpoints table; {@code service} as the document names it (referral, assessment, ...). */
    record Endpoint(String service, String method, String path, String operation) {

        String key() {
            return method + " " + path;
        }

        String serviceModule() {
            return service + "-service";
        }
    }

    /** One row of the operations table: whether it reads case detail, and the cell of each role. */
    record OperationRow(String operation, boolean detail, Map<String, String> cells) {

        String cell(String role) {
            String cell = cells.get(role);
            if (cell == null) {
                throw new IllegalArgumentException("the access matrix has no column " + role);
            }
            return cell;
        }
    }

    static AccessMatrix read(Path repo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(repo.resolve(DOCUMENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (List<String> row : table(lines, "## Endpoints")) {
            endpoints.add(new Endpoint(row.get(0), row.get(1), row.get(2), row.get(3)));
        }
        List<List<String>> operationRows = table(lines, "## Operations by role");
        List<String> header = header(lines, "## Operations by role");
        Map<String, OperationRow> operations = new LinkedHashMap<>();
        for (List<String> row : operationRows) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int column = 2; column < header.size(); column++) {
                cells.put(header.get(column), row.get(column));
            }
            operations.put(row.get(0), new OperationRow(row.get(0), row.get(1).equals("yes"), cells));
        }
        Map<String, List<String>> purposes = new LinkedHashMap<>();
        for (List<String> row : table(lines, "## Purposes by role")) {
            String stated = row.get(1);
            purposes.put(row.get(0), stated.startsWith("(") ? List.of()
                    : Arrays.stream(stated.split(",")).map(String::strip).toList());
        }
        return new AccessMatrix(endpoints, operations, purposes);
    }

    OperationRow operation(String name) {
        OperationRow row = operations.get(name);
        if (row == null) {
            throw new IllegalArgumentException("the operations table has no row " + name);
        }
        return row;
    }

    /** The purpose a role states in the tests: the first the document lets it use, or none. */
    String purposeOf(String role) {
        List<String> allowed = purposes.getOrDefault(role, List.of());
        return allowed.isEmpty() ? null : allowed.get(0);
    }

    private static List<String> header(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException(DOCUMENT + " has no section '" + heading + "'");
        }
        for (int i = at + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("|")) {
                return cells(lines.get(i));
            }
        }
        throw new IllegalStateException(DOCUMENT + " has no table under '" + heading + "'");
    }

    /** The body rows of the first table after the heading, each as its trimmed cells (backquotes removed). */
    private static List<List<String>> table(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException(DOCUMENT + " has no section '" + heading + "'");
        }
        List<List<String>> rows = new ArrayList<>();
        int i = at + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        for (i = i + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|")).map(cell -> cell.strip().replace("`", "")).toList();
    }
}
