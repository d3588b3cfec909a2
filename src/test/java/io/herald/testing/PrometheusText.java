package io.herald.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A strict reader of the Prometheus text format 0.0.4 (no parser ships with the client libraries Micrometer brings;
 * they only write it). Every line must be a comment, blank, or a sample {@code name{label="value",…} value}; anything
 * else fails the parse, so a malformed /metrics fails the test that reads it.
 */
public final class PrometheusText {
    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** @throws IllegalArgumentException naming the line that is not of the format */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                require(parts.length == 2, line);
                require(types.put(parts[0], parts[1]) == null, line);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new PrometheusText(samples, types);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Metric family name to its TYPE (counter, gauge, histogram, summary, untyped). */
    public Map<String, String> types() {
        return types;
    }

    public List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of the samples of {@code name} whose labels pass {@code where}. */
    public double sum(String name, Predicate<Sample> where) {
        return named(name).stream().filter(where).mapToDouble(Sample::value).sum();
    }

    /** The value of {@code name} with exactly these labels among others; 0 if there is none. */
    public double value(String name, String... labelPairs) {
        return sum(name, s -> {
            for (int i = 0; i < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(s.label(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == ':')) {
            i++;
        }
        String name = line.substring(0, i);
        require(!name.isEmpty() && !Character.isDigit(name.charAt(0)), line);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf("=\"", i);
                require(eq > i, line);
                String key = line.substring(i, eq);
                require(key.matches("[a-zA-Z_][a-zA-Z0-9_]*"), line);
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(key, value.toString()) == null, line);
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', line);
        String[] rest = line.substring(i + 1).trim().split(" ");
        require(rest.length <= 2, line);
        return new Sample(name, labels, parseValue(rest[0], line));
    }

    private static double parseValue(String v, String line) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a Prometheus sample value in: " + line, e);
                }
            }
        };
    }

    private static void require(boolean ok, String line) {
        if (!ok) {
            throw new IllegalArgumentException("not a Prometheus text line: " + line);
        }
    }
}
