package io.herald.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as written in the configuration: {@code 1024}, {@code 1024B}, {@code 512KB}, {@code 5MB},
 * {@code 1GB}, {@code 1TB}. Units are binary: 1KB = 1024 bytes, 1MB = 1024KB, and so on ({@code KiB}, {@code MiB},
 * ... are accepted as the same thing); unit letters are case-insensitive. A fraction such as {@code 1.5MB} is
 * allowed and rounded to the nearest byte. A leading minus sign parses so the caller can report
 * "must not be negative".
 */
public final class ByteSizes {
    /** What a valid size looks like; part of every parse error message. */
    public static final String EXPECTED = "expected a size like 512KB, 5MB or 1GB (1KB = 1024 bytes)";

    private static final Pattern FORM = Pattern.compile("(-?\\d{1,19}(?:\\.\\d{1,9})?)\\s*([kmgt]i?)?b?");
    private static final String[] UNITS = {"TB", "GB", "MB", "KB"};
    private static final long[] UNIT_BYTES = {1L << 40, 1L << 30, 1L << 20, 1L << 10};

    private ByteSizes() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with {@link #EXPECTED} when the text is not a size, or when it is too large
     */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || text.strip().isEmpty()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        long unit = m.group(2) == null ? 1L : bytesOf(m.group(2).charAt(0));
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        try {
            return bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("size is too large", e);
        }
    }

    /** Formats {@code bytes} with the largest unit that divides it exactly, else as bytes: "5MB", "1000B". */
    public static String format(long bytes) {
        if (bytes != 0) {
            for (int i = 0; i < UNITS.length; i++) {
                if (bytes % UNIT_BYTES[i] == 0) {
                    return (bytes / UNIT_BYTES[i]) + UNITS[i];
                }
            }
        }
        return bytes + "B";
    }

    private static long bytesOf(char unit) {
        return switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> throw new IllegalArgumentException(EXPECTED);
        };
    }
}
