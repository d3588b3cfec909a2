package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({
        "0,       0",
        "250ms,   250",
        "2s,      2000",
        "1m,      60000",
        "1h,      3600000",
        "1d,      86400000",
        "1500ms,  1500",
        "' 3s ',  3000",
        "10 s,    10000",
        "-1s,     -1000",
    })
    void parses(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({
        "0,        0",
        "250,      250ms",
        "1000,     1s",
        "1500,     1500ms",
        "90000,    90s",
        "120000,   2m",
        "3600000,  1h",
        "86400000, 1d",
    })
    void formatsWithTheLargestExactUnit(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "", "5", "1.5s", "0.5s", "2S", "2sec", "s", "1 m s", "1w", "99999999999999999d"})
    void rejects(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "5,    a number needs a unit",
        "0.5s, whole numbers only",
        "2S,   units are lower case",
    })
    void hintsAtTheFix(String text, String hint) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining(Durations.EXPECTED).hasMessageContaining(hint);
    }
}
