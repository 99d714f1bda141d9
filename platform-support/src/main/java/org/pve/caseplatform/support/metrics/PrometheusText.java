package org.pve.caseplatform.support.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Prometheus text exposition format (version 0.0.4, what {@code /actuator/prometheus} serves to a client
 * asking for {@code text/plain}) into samples, and sums them by labels. Comment, HELP and TYPE lines are passed over;
 * a line it cannot read is an error naming the line, not a silent zero.
 */
public final class PrometheusText {

    /** The content type to ask a Micrometer endpoint for, so that it answers in this format. */
    public static final String ACCEPT = "text/plain;version=0.0.4";

    /** One sample: the series name, its labels (sorted by name) and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        public Sample {
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    private PrometheusText() {
    }

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(sample(line));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a Prometheus sample: " + line, e);
            }
        }
        return samples;
    }

    /**
     * The samples of {@code name} summed per combination of the {@code keys} labels (a label a sample lacks counts
     * as the empty string), in the order of the keys' values.
     */
    public static Map<Map<String, String>, Double> sumBy(List<Sample> samples, String name, List<String> keys) {
        Map<Map<String, String>, Double> sums = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Sample sample : samples) {
            if (sample.name().equals(name)) {
                Map<String, String> group = new LinkedHashMap<>();
                keys.forEach(key -> group.put(key, sample.labels().getOrDefault(key, "")));
                sums.merge(Collections.unmodifiableMap(group), sample.value(), Double::sum);
            }
        }
        return sums;
    }

    private static Sample sample(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        String name = line.substring(0, end);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no series name");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int position = end;
        if (position < line.length() && line.charAt(position) == '{') {
            position = labels(line, position + 1, labels);
        }
        String[] rest = line.substring(position).strip().split("\\s+");
        return new Sample(name, labels, value(rest[0]));
    }

    /** Reads {@code name="value",...}} from {@code start}; returns the index after the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (true) {
            while (line.charAt(i) == ' ' || line.charAt(i) == ',') {
                i++;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).strip();
            i = equals + 1;
            if (line.charAt(i) != '"') {
                throw new IllegalArgumentException("label " + key + " has no quoted value");
            }
            StringBuilder value = new StringBuilder();
            for (i = i + 1; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i++;
        }
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
