package org.pve.caseplatform.issuer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The demo personas, read from a CSV with the header {@value #HEADER}: districts are ';'-separated or '*', provider
 * is set for PROVIDER rows only. Blank lines and lines starting with '#' are skipped. Any other line that does not
 * hold a valid persona stops the start-up with a message naming the line.
 */
public final class Personas {

    static final String HEADER = "id,role,agency,districts,provider,name";
    static final String ALL_DISTRICTS = "*";

    // Duplicated from platform-support's security.Role and case-contract's Agency on purpose: the issuer stays
    // independent of the platform's modules. Keep the three lists in step.
    static final Set<String> ROLES = Set.of("REFERRER", "POLICE_SCREENER", "PANEL_MEMBER", "CASE_OWNER", "PROVIDER",
            "NETWORK_MEMBER", "ANALYST", "OPERATOR", "AUDITOR", "DATA_PROTECTION_OFFICER");
    static final Set<String> AGENCIES = Set.of("POLICE", "SOCIAL_SERVICES", "HEALTH", "MENTAL_HEALTH", "EDUCATION",
            "PROBATION", "PRISON", "YOUTH_SERVICES", "PREFECTURE", "NGO", "PUBLIC", "SELF");

    /** Client ids and usernames travel in HTTP Basic credentials and form posts: no ':' or spaces. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DISTRICT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private final Map<String, Persona> byId;

    private Personas(Map<String, Persona> byId) {
        this.byId = byId;
    }

    /** Reads and checks every line; {@code source} names the file in error messages. */
    public static Personas parse(String source, Reader csv) {
        Map<String, Persona> byId = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(csv)) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equals(HEADER)) {
                throw invalid(source, 1, "the header must be '" + HEADER + "'");
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                Persona persona = persona(source, lineNumber, line);
                if (byId.putIfAbsent(persona.id(), persona) != null) {
                    throw invalid(source, lineNumber, "duplicate id '" + persona.id() + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read personas " + source, e);
        }
        if (byId.isEmpty()) {
            throw new IllegalStateException("Personas " + source + " holds no persona");
        }
        return new Personas(byId);
    }

    public Optional<Persona> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Persona> all() {
        return byId.values();
    }

    private static Persona persona(String source, int lineNumber, String line) {
        // the name is the last column, so a comma inside it stays part of the name
        String[] columns = line.split(",", 6);
        if (columns.length != 6) {
            throw invalid(source, lineNumber, "expected 6 columns (" + HEADER + "), found " + columns.length);
        }
        String id = columns[0].strip();
        String role = columns[1].strip();
        String agency = columns[2].strip();
        String provider = columns[4].strip();
        String name = columns[5].strip();
        require(ID.matcher(id).matches(), source, lineNumber, "id '" + id + "' must match " + ID);
        require(ROLES.contains(role), source, lineNumber, "unknown role '" + role + "' (known: " + sorted(ROLES) + ")");
        require(AGENCIES.contains(agency), source, lineNumber,
                "unknown agency '" + agency + "' (known: " + sorted(AGENCIES) + ")");
        List<String> districts = districts(source, lineNumber, columns[3].strip());
        if (role.equals("PROVIDER")) {
            require(ID.matcher(provider).matches(), source, lineNumber, "a PROVIDER needs a provider id");
        } else {
            require(provider.isEmpty(), source, lineNumber, "provider is only for PROVIDER rows, not " + role);
        }
        require(!name.isEmpty(), source, lineNumber, "name is empty");
        return new Persona(id, role, agency, districts, provider.isEmpty() ? null : provider, name);
    }

    private static List<String> districts(String source, int lineNumber, String column) {
        if (column.equals(ALL_DISTRICTS)) {
            return List.of(ALL_DISTRICTS);
        }
        List<String> districts = new ArrayList<>();
        for (String district : column.split(";", -1)) {
            require(DISTRICT.matcher(district.strip()).matches(), source, lineNumber,
                    "districts '" + column + "' must be '*' or district ids separated by ';'");
            districts.add(district.strip());
        }
        return districts;
    }

    private static void require(boolean condition, String source, int lineNumber, String problem) {
        if (!condition) {
            throw invalid(source, lineNumber, problem);
        }
    }

    private static IllegalStateException invalid(String source, int lineNumber, String problem) {
        return new IllegalStateException("Personas " + source + " line " + lineNumber + ": " + problem);
    }

    private static String sorted(Set<String> names) {
        String[] array = names.toArray(String[]::new);
        Arrays.sort(array);
        return String.join(", ", array);
    }
}
