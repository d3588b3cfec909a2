package io.herald.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 * A pure function: junk gives {@code null}, never an exception, and a date in the past gives zero.
 */
public final class RetryAfter {

    /** Anything longer is not a delay a polite client would honour as given; it is clamped here. */
    private static final long MAX_SECONDS = Integer.MAX_VALUE;

    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d{1,18}");
    private static final Pattern LEADING_WEEKDAY = Pattern.compile("^[A-Za-z]+,?\\s+");
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\s+(GMT|UTC|UT|Z)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /*
     * The weekday is stripped before parsing: servers get it wrong often enough, and the date alone is
     * unambiguous. Month names are English by the HTTP grammar, hence Locale.US rather than the default.
     */
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            pattern("d MMM uuuu HH:mm:ss"),   // IMF-fixdate / RFC 1123: Sun, 06 Nov 1994 08:49:37 GMT
            rfc850TwoDigitYear(),             // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            pattern("d-MMM-uuuu HH:mm:ss"),   // RFC 850 with a four-digit year, seen in the wild
            pattern("MMM d HH:mm:ss uuuu"));  // asctime: Sun Nov  6 08:49:37 1994

    private RetryAfter() {
    }

    /**
     * @param headerValue the raw header value, or {@code null} when absent
     * @param now         the moment the response arrived, to turn a date into a delay
     * @return how long to wait, never negative, or {@code null} when absent or unparseable
     */
    public static Duration parse(String headerValue, Instant now) {
        if (headerValue == null) {
            return null;
        }
        String value = headerValue.trim();
        if (value.isEmpty()) {
            return null;
        }
        if (DELTA_SECONDS.matcher(value).matches()) {
            return Duration.ofSeconds(Math.min(Long.parseLong(value), MAX_SECONDS));
        }
        Instant date = parseDate(value);
        if (date == null) {
            return null;
        }
        Duration delay = Duration.between(now, date);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private static Instant parseDate(String value) {
        String text = SPACES.matcher(value).replaceAll(" ");
        text = LEADING_WEEKDAY.matcher(text).replaceFirst("");
        text = TRAILING_ZONE.matcher(text).replaceFirst("");
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notThisFormat) {
                // try the next of the three formats HTTP allows
            }
        }
        return null;
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.US);
    }

    /** Two-digit years are read as 1970–2069, close to RFC 9110's "50 years in the future" rule. */
    private static DateTimeFormatter rfc850TwoDigitYear() {
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern("d-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                .appendPattern(" HH:mm:ss")
                .toFormatter(Locale.US);
    }
}
