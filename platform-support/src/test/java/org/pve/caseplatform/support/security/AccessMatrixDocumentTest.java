package org.pve.caseplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AccessPurpose;

/** The access matrix in docs/security says exactly what the policy in code does, cell for cell. */
class AccessMatrixDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "security", "access-matrix.md");

    @Test
    void everyOperationHasARowThatMatchesItsGrantsCellForCell() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (Operation operation : Operation.values()) {
            expected.put(operation.name(), row(operation));
        }
        Map<String, String> documented = table("operation").stream()
                .collect(Collectors.toMap(cells -> cells.get(0), cells -> String.join(" | ", cells.subList(1,
                        cells.size())), (a, b) -> a, LinkedHashMap::new));
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void everyEndpointRowNamesAnOperationOfThePolicy() throws IOException {
        Set<String> operations = Arrays.stream(Operation.values()).map(Enum::name).collect(Collectors.toSet());
        List<List<String>> endpoints = table("service");
        assertThat(endpoints).isNotEmpty();
        assertThat(endpoints).allSatisfy(cells -> assertThat(operations).contains(cells.get(3)));
        assertThat(endpoints.stream().map(cells -> cells.get(3)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(operations);
    }

    @Test
    void thePurposesOfEveryRoleAreThoseThePolicyAccepts() throws IOException {
        for (List<String> cells : table("role")) {
            Role role = Role.valueOf(cells.get(0));
            Set<AccessPurpose> documented = cells.get(1).startsWith("(") ? EnumSet.noneOf(AccessPurpose.class)
                    : Arrays.stream(cells.get(1).split(",\\s*")).map(AccessPurpose::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(AccessPurpose.class)));
            assertThat(documented).as(role.name()).isEqualTo(AccessPolicy.purposesOf(role));
        }
    }

    private static String row(Operation operation) {
        StringBuilder row = new StringBuilder(operation.readsCaseDetail() ? "yes" : "no")
                .append(" | ").append(operation.allowsAnonymous() ? "yes" : "no");
        for (Role role : Role.values()) {
            row.append(" | ").append(operation.reachOf(role).map(reach -> reach.name().toLowerCase(Locale.ROOT))
                    .orElse("-"));
        }
        return row.toString();
    }

    /** The body rows of the markdown table whose header starts with {@code firstColumn}, split into cells. */
    static List<List<String>> table(String firstColumn) throws IOException {
        List<String> lines = Files.readAllLines(DOCUMENT);
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| " + firstColumn + " |")) {
                header = i;
                break;
            }
        }
        assertThat(header).as("a table starting with column " + firstColumn).isNotNegative();
        return lines.stream().skip(header + 2L).takeWhile(line -> line.startsWith("|"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::trim).toList())
                .toList();
    }
}
