package org.pve.caseplatform.support.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pve.caseplatform.contract.Agency;

/** The districts and practice models the platform ships with, read from the project's copies of the CSVs. */
public final class DistrictDirectory {

    private final Map<String, District> districts;

    private DistrictDirectory(Map<String, District> districts) {
        this.districts = districts;
    }

    public static DistrictDirectory load() {
        Map<String, PracticeModel> models = new LinkedHashMap<>();
        for (String[] row : rows("reference/practice-models.csv")) {
            PracticeModel model = new PracticeModel(row[0], agencies(row[1]), Agency.valueOf(row[2]),
                    Boolean.parseBoolean(row[3]), Boolean.parseBoolean(row[4]), Boolean.parseBoolean(row[5]),
                    Integer.parseInt(row[6]), List.of(row[7].split(";")), Integer.parseInt(row[8]),
                    Integer.parseInt(row[9]), Integer.parseInt(row[10]));
            models.put(model.id(), model);
        }
        Map<String, District> districts = new LinkedHashMap<>();
        for (String[] row : rows("reference/districts.csv")) {
            PracticeModel model = Optional.ofNullable(models.get(row[3]))
                    .orElseThrow(() -> new IllegalStateException("unknown practice model " + row[3]));
            districts.put(row[0], new District(row[0], row[1], row[2], model, row[4], Integer.parseInt(row[5]),
                    Integer.parseInt(row[6]), Integer.parseInt(row[7]), Integer.parseInt(row[8])));
        }
        return new DistrictDirectory(Map.copyOf(districts));
    }

    public Optional<District> find(String districtId) {
        return districtId == null ? Optional.empty() : Optional.ofNullable(districts.get(districtId));
    }

    public District get(String districtId) {
        return find(districtId).orElseThrow(() -> new IllegalArgumentException("unknown district " + districtId));
    }

    public Collection<District> all() {
        return districts.values();
    }

    private static List<Agency> agencies(String cell) {
        return Arrays.stream(cell.split(";")).map(Agency::valueOf).toList();
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = DistrictDirectory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(DistrictDirectory::split).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a CSV line; the shipped files quote nothing, but names may one day carry commas in quotes. */
    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
