package org.pve.caseplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invented persona of the test personas CSV (id,role,agency,districts,provider,name), as the issuer loads it:
 * the claims its tokens carry, so a test knows what each caller may reach.
 */
record Persona(String id, String role, String agency, List<String> districts, String provider) {

    static final String ALL_DISTRICTS = "*";

    boolean worksIn(String districtId) {
        return districts.contains(ALL_DISTRICTS) || districts.contains(districtId);
    }

    boolean isPolice() {
        return agency.equals("POLICE");
    }

    /** Every persona of the CSV by id, in file order. */
    static Map<String, Persona> load(Path csv) {
        Map<String, Persona> personas = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(csv);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(",", 6);
                personas.put(columns[0], new Persona(columns[0], columns[1], columns[2],
                        Arrays.asList(columns[3].split(";")), columns[4].isBlank() ? null : columns[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return personas;
    }
}
