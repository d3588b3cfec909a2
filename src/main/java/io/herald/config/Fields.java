package io.herald.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of single keys from the merged tree. A bad value is recorded in {@link Problems} with its key,
 * origin and value, and a neutral stand-in is returned so that binding goes on and every problem is found
 * in one run; the stand-ins never escape because {@link Problems#throwIfAny()} runs before records are
 * handed out.
 */
final class Fields {
    private final ConfigTree tree;
    private final Problems problems;

    Fields(ConfigTree tree, Problems problems) {
        this.tree = tree;
        this.problems = problems;
    }

    /** Records a problem with {@code path}, naming where its value came from. */
    void problem(String path, String message) {
        problems.add(tree.origin(path), path, message);
    }

    /** The raw value, or null. */
    Object raw(String path) {
        return tree.get(path);
    }

    /** A non-blank string; numbers and booleans are taken as their text (a name like {@code 2024} is fine). */
    String text(String path) {
        Object v = tree.get(path);
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            String s = String.valueOf(v).strip();
            if (!s.isEmpty()) {
                return s;
            }
        }
        problem(path, "expected a non-empty text, got " + ConfigValues.describe(v));
        return "";
    }

    /** An optional string: null when absent; blank or non-text values are problems. */
    String optionalText(String path) {
        return tree.get(path) == null ? null : text(path);
    }

    /** A whole number in {@code [min, max]}. */
    int integer(String path, int min, int max) {
        return (int) whole(path, min, max);
    }

    /** A whole number in {@code [min, Long.MAX_VALUE]}. */
    long whole(String path, long min) {
        return whole(path, min, Long.MAX_VALUE);
    }

    private long whole(String path, long min, long max) {
        Object v = tree.get(path);
        if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger)) {
            problem(path, "expected a whole number, got " + ConfigValues.describe(v));
            return min;
        }
        BigInteger n = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            problem(path, range(min, max) + ", got " + v);
            return min;
        }
        return n.longValue();
    }

    /** A number (whole or decimal) of at least {@code min}. */
    double decimal(String path, double min) {
        Object v = tree.get(path);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            problem(path, "expected a number, got " + ConfigValues.describe(v));
            return min;
        }
        if (n.doubleValue() < min) {
            problem(path, "must be at least " + min + ", got " + v);
            return min;
        }
        return n.doubleValue();
    }

    boolean bool(String path) {
        Object v = tree.get(path);
        if (v instanceof Boolean b) {
            return b;
        }
        problem(path, "expected true or false, got " + ConfigValues.describe(v));
        return false;
    }

    /** A duration; zero is allowed only when {@code zeroAllowed}. */
    Duration duration(String path, boolean zeroAllowed) {
        Object v = tree.get(path);
        Duration d = parseDuration(path, v);
        if (d == null) {
            return Duration.ZERO;
        }
        if (d.isNegative() || d.isZero() && !zeroAllowed) {
            problem(path, (zeroAllowed ? "must not be negative" : "must be more than 0") + ", got "
                    + ConfigValues.describe(v));
            return Duration.ZERO;
        }
        return d;
    }

    private Duration parseDuration(String path, Object v) {
        try {
            if (!(v instanceof String || v instanceof Integer || v instanceof Long)) {
                throw new IllegalArgumentException(Durations.EXPECTED);
            }
            return Durations.parse(String.valueOf(v));
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage() + ", got " + ConfigValues.describe(v));
            return null;
        }
    }

    /** A byte size of at least {@code min} bytes; a plain number is bytes. */
    long size(String path, long min) {
        Object v = tree.get(path);
        long bytes;
        try {
            if (!(v instanceof String || v instanceof Integer || v instanceof Long)) {
                throw new IllegalArgumentException(ByteSizes.EXPECTED);
            }
            bytes = ByteSizes.parse(String.valueOf(v));
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage() + ", got " + ConfigValues.describe(v));
            return min;
        }
        if (bytes < min) {
            problem(path, "must be at least " + ByteSizes.format(min) + ", got " + ConfigValues.describe(v));
            return min;
        }
        return bytes;
    }

    /** A list of texts (each stripped, non-empty). */
    List<String> texts(String path) {
        List<String> out = new ArrayList<>();
        List<?> items = list(path);
        for (int i = 0; i < items.size(); i++) {
            String s = text(path + "[" + i + "]");
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A list; a missing value is an empty list, anything else not a list is a problem. */
    List<?> list(String path) {
        Object v = tree.get(path);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        problem(path, "expected a list like [a, b], got " + ConfigValues.describe(v));
        return List.of();
    }

    private static String range(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return min == 0 ? "must not be negative" : "must be at least " + min;
        }
        return "must be between " + min + " and " + max;
    }
}
