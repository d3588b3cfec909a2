package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {
    @ParameterizedTest
    @CsvSource({
        "0,       0",
        "1024,    1024",
        "1024B,   1024",
        "512KB,   524288",
        "512kb,   524288",
        "512 KiB, 524288",
        "5MB,     5242880",
        "1GB,     1073741824",
        "1TB,     1099511627776",
        "1.5MB,   1572864",
        "1.1KB,   1126",
        "-1KB,    -1024",
    })
    void parsesWithBinaryUnits(String text, long bytes) {
        assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({
        "0,          0B",
        "1000,       1000B",
        "1024,       1KB",
        "1536,       1536B",
        "5242880,    5MB",
        "536870912,  512MB",
        "1073741824, 1GB",
    })
    void formatsWithTheLargestExactUnit(long bytes, String text) {
        assertThat(ByteSizes.format(bytes)).isEqualTo(text);
        assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"big", "", "MB", "5 MBs", "5XB", "1.5.5MB", "99999999999TB"})
    void rejects(String text) {
        assertThatThrownBy(() -> ByteSizes.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
