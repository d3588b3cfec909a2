package io.herald.extract;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many date spellings of news pages into ISO-8601: {@code 2017-02-26T14:05:00+03:00} when the page
 * gave a time (the offset is kept; none is invented), {@code 2017-02-26} when it gave only a day. Dates
 * after tomorrow or before 1990 are rejected as template defaults or typos.
 */
final class DateNormalizer {
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final DateTimeFormatter OUT_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final DateTimeFormatter OUT_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    /** A date inside surrounding words, e.g. "Published 14 March 2019" or "Updated: 2019-03-14 10:00". */
    private static final Pattern EMBEDDED = Pattern.compile("(?i)\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
            + "|\\b\\d{1,2} " + MONTH + " \\d{4}|\\b" + MONTH + " \\d{1,2}, \\d{4}|\\b\\d{2}\\.\\d{2}\\.\\d{4}"
            + "|\\b\\d{2}/\\d{2}/\\d{4}|\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\s?\\d{1,2}[:時]\\d{2}分?)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ORDINAL = Pattern.compile("(\\d)(st|nd|rd|th)\\b");

    /** Tried in order; each must parse the whole (cleaned) string. */
    private static final List<DateTimeFormatter> WITH_TIME = List.of(
            iso("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS][XXX][XX][X]"),
            iso("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSS] XXX"),
            iso("uuuu年M月d日[' ']H:mm"),
            iso("uuuu年M月d日[' ']H時m分"),
            iso("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS][' ']['GMT']['UTC']"),
            iso("uuuuMMdd'T'HHmm[ss][XXX][XX][X]"),
            DateTimeFormatter.RFC_1123_DATE_TIME,
            iso("EEE, d MMM uuuu HH:mm[:ss] zzz"),
            iso("MMMM d, uuuu[','] h:mm a"),
            iso("MMMM d, uuuu HH:mm"),
            iso("d MMMM uuuu, HH:mm"),
            iso("uuuu/MM/dd HH:mm[:ss]"),
            iso("dd.MM.uuuu HH:mm[:ss]"));
    private static final List<DateTimeFormatter> DATE_ONLY = List.of(
            iso("uuuu-MM-dd"), iso("uuuuMMdd"), iso("uuuu/MM/dd"), iso("dd.MM.uuuu"), iso("uuuu年M月d日"),
            // day first, as most of the world writes it; a US date only parses when its day is over 12
            iso("dd/MM/uuuu"), iso("MM/dd/uuuu"),
            iso("MMMM d, uuuu"), iso("MMM d, uuuu"), iso("MMM. d, uuuu"), iso("d MMMM uuuu"), iso("d MMM uuuu"),
            iso("EEEE, MMMM d, uuuu"), iso("EEEE, d MMMM uuuu"));

    private final Clock clock;

    DateNormalizer(Clock clock) {
        this.clock = clock;
    }

    /** The ISO-8601 form of {@code raw}, or null when it is not a plausible date. */
    String normalize(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 80 || !YEAR.matcher(raw).find()) {
            return null; // every accepted form has a four-digit year or is an epoch; parsing by exception is slow
        }
        String whole = parseWhole(raw);
        if (whole != null) {
            return whole;
        }
        Matcher m = EMBEDDED.matcher(raw);
        return m.find() && m.group().length() < raw.strip().length() ? parseWhole(m.group()) : null;
    }

    private String parseWhole(String raw) {
        String s = ORDINAL.matcher(raw.strip().replaceAll("\\s+", " ")).replaceAll("$1");
        if (EPOCH.matcher(s).matches()) {
            long v = Long.parseLong(s);
            Instant instant = s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
            return plausible(instant.atOffset(ZoneOffset.UTC));
        }
        for (DateTimeFormatter f : WITH_TIME) {
            String out = tryDateTime(s, f);
            if (out != null) {
                return out.isEmpty() ? null : out;
            }
        }
        for (DateTimeFormatter f : DATE_ONLY) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                return inRange(d) ? d.toString() : null;
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        return null;
    }

    /** Null when the pattern does not apply, empty string when it parsed but the date is implausible. */
    private String tryDateTime(String s, DateTimeFormatter f) {
        try {
            TemporalAccessor t = f.parse(s);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(t), LocalTime.of(
                    t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
                    t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0));
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                OffsetDateTime odt = local.atOffset(ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)));
                String out = plausible(odt);
                return out == null ? "" : out;
            }
            if (s.endsWith("GMT") || s.endsWith("UTC")) {
                String out = plausible(local.atOffset(ZoneOffset.UTC));
                return out == null ? "" : out;
            }
            return inRange(local.toLocalDate()) ? OUT_LOCAL.format(local) : "";
        } catch (DateTimeException e) {
            return null;
        }
    }

    private String plausible(OffsetDateTime odt) {
        Instant latest = clock.instant().plus(1, ChronoUnit.DAYS);
        if (odt.toInstant().isAfter(latest) || odt.toLocalDate().isBefore(EARLIEST)) {
            return null;
        }
        return OUT_OFFSET.format(odt);
    }

    private boolean inRange(LocalDate d) {
        LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        return !d.isAfter(latest) && !d.isBefore(EARLIEST);
    }

    private static DateTimeFormatter iso(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}
