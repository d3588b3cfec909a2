package io.herald.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            7                                | 7
            ' 120 '                          | 120
            0                                | 0
            9999999999                       | 2147483647
            Sun, 06 Nov 1994 08:49:37 GMT    | 37
            sun, 06 nov 1994 08:49:37 gmt    | 37
            Mon, 06 Nov 1994 08:49:37 GMT    | 37
            Sunday, 06-Nov-94 08:49:37 GMT   | 37
            Sunday, 06-Nov-1994 08:49:37 GMT | 37
            Sun Nov  6 08:49:37 1994         | 37
            Sun Nov 6 08:49:37 1994          | 37
            Sun, 06 Nov 1994 09:49:00 GMT    | 3600
            Sun, 06 Nov 1994 08:48:00 GMT    | 0
            Sat, 05 Nov 1994 08:49:37 GMT    | 0
            Thu, 01 Jan 1970 00:00:00 GMT    | 0
            -5                               | NULL
            1.5                              | NULL
            soon                             | NULL
            ''                               | NULL
            '   '                            | NULL
            NULL                             | NULL
            99999999999999999999             | NULL
            Sun, 32 Nov 1994 08:49:37 GMT    | NULL
            Sun, 06 Nov 1994 25:49:37 GMT    | NULL
            2026-01-01T00:00:00Z             | NULL
            """)
    void parsesSecondsAndHttpDates(String header, Long expectedSeconds) {
        Duration parsed = RetryAfter.parse(header, NOW);

        if (expectedSeconds == null) {
            assertThat(parsed).isNull();
        } else {
            assertThat(parsed).isEqualTo(Duration.ofSeconds(expectedSeconds));
        }
    }

    @Test
    void isNeverNegative() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW.plusSeconds(3600))).isZero();
    }
}
