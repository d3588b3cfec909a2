package io.herald.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in the configuration: a whole number and a unit, {@code 250ms}, {@code 2s}, {@code 1m},
 * {@code 1h}, {@code 1d}, or a plain {@code 0}. Fractions are not accepted ({@code 500ms}, not {@code 0.5s}):
 * one spelling per value keeps configs easy to compare. A leading minus sign parses, so that the caller can
 * say "must not be negative" instead of "not a duration".
 */
public final class Durations {
    /** What a valid duration looks like; part of every parse error message. */
    public static final String EXPECTED = "expected a duration like 250ms, 2s or 1m";

    private static final Pattern FORM = Pattern.compile("(-?\\d{1,18})\\s*(ms|s|m|h|d)");
    /** Largest unit first, so that {@link #format} picks the shortest exact spelling. */
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with {@link #EXPECTED} (plus a hint) when the text is not a duration
     */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.equals("0") || s.equals("-0")) {
            return Duration.ZERO;
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED + hint(s));
        }
        long amount = Long.parseLong(m.group(1));
        try {
            return Duration.ofMillis(Math.multiplyExact(amount, millisOf(m.group(2))));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration is too long", e);
        }
    }

    /** Formats {@code d} with the largest unit that divides it exactly: 60000ms is "1m", 1500ms stays "1500ms". */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis == 0) {
            return "0";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (millis % UNIT_MILLIS[i] == 0) {
                return (millis / UNIT_MILLIS[i]) + UNITS[i];
            }
        }
        throw new AssertionError("ms divides every whole number of milliseconds");
    }

    private static long millisOf(String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                return UNIT_MILLIS[i];
            }
        }
        throw new IllegalArgumentException(unit);
    }

    /** The common mistakes get a pointer to the fix rather than only the general shape. */
    private static String hint(String s) {
        if (s.matches("-?\\d+")) {
            return " (a number needs a unit)";
        }
        if (s.matches("-?\\d*\\.\\d+\\s*[a-zA-Z]*")) {
            return " (whole numbers only: write 500ms, not 0.5s)";
        }
        if (!s.equals(s.toLowerCase(Locale.ROOT)) && FORM.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
            return " (units are lower case)";
        }
        return "";
    }
}
