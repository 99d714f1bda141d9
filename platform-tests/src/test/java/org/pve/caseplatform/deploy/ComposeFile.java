package org.pve.caseplatform.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The production docker-compose.yml as docker-compose reads it: YAML merge keys resolved, and {@code ${VAR}},
 * {@code ${VAR:-default}} and {@code ${VAR:?message}} in a service's environment filled in from the given variables
 * (as from the .env file), so a test runs the very settings a deployment gets.
 */
final class ComposeFile {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, Object> services;
    private final Map<String, String> variables;

    private ComposeFile(Map<String, Object> services, Map<String, String> variables) {
        this.services = services;
        this.variables = variables;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file, Map<String, String> variables) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return new ComposeFile((Map<String, Object>) compose.get("services"), Map.copyOf(variables));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The variables an env file (such as deploy/env.example) sets: NAME=value lines, comments skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return values;
    }

    /** The environment of a service with every variable filled in. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service) {
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        if (definition == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + service);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) definition.get("environment"))
                .forEach((name, value) -> environment.put(name, interpolate(String.valueOf(value))));
        return environment;
    }

    private String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(resolve(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String resolve(Matcher reference) {
        if (reference.group(1) == null) {
            return "$";
        }
        String name = reference.group(1);
        String value = variables.get(name);
        String operator = reference.group(2);
        boolean unsetOrEmpty = value == null || value.isEmpty() && operator != null && operator.startsWith(":");
        if (!unsetOrEmpty) {
            return value;
        }
        if (operator != null && operator.endsWith("-")) {
            return reference.group(3);
        }
        if (operator != null && operator.endsWith("?")) {
            throw new IllegalStateException(name + " is required: " + reference.group(3));
        }
        return "";
    }
}
