package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateNormalizerTest {
    private final DateNormalizer dates = new DateNormalizer(ExtractFixturesTest.CLOCK); // now = 2026-01-15T12:00Z

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "2017-03-02T15:41:00+03:00       | 2017-03-02T15:41:00+03:00",
        "2017-03-02T15:41+0300           | 2017-03-02T15:41:00+03:00",
        "20170302T1541+0000              | 2017-03-02T15:41:00Z",
        "2017-03-02T12:41:00.123Z        | 2017-03-02T12:41:00Z",
        "2017-03-02T12:41:00             | 2017-03-02T12:41:00",
        "2017-03-02 12:41                | 2017-03-02T12:41:00",
        "2017-03-02                      | 2017-03-02",
        "Thu, 02 Mar 2017 12:41:00 GMT   | 2017-03-02T12:41:00Z",
        "March 2, 2017                   | 2017-03-02",
        "2nd March 2017                  | 2017-03-02",
        "02.03.2017                      | 2017-03-02",
        "Published 14 March 2019         | 2019-03-14",
        "Updated: 2019-03-14 10:00       | 2019-03-14T10:00:00",
        "1488458460                      | 2017-03-02T12:41:00Z",
        "05/12/2024                      | 2024-12-05",
        "12/25/2024                      | 2024-12-25",
        "2025-06-03 08:30:00 +08:00      | 2025-06-03T08:30:00+08:00",
        "2025年06月03日08:30 来源：江城日报  | 2025-06-03T08:30:00",
        "2025年7月15日                    | 2025-07-15",
        "2026-01-16                      | 2026-01-16",
        "2026-01-17                      | NULL",
        "2026-01-16T13:00:00Z            | NULL",
        "1989-12-31                      | NULL",
        "0001-01-01T00:00:00Z            | NULL",
        "not a date                      | NULL",
        "''                              | NULL",
    })
    void normalises(String raw, String expected) {
        assertThat(dates.normalize(raw)).isEqualTo(expected);
    }
}
