package io.herald.sink;

import io.herald.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationRuleTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    @Test
    void aLineThatWouldPassTheSizeClosesTheFileUnlessTheFileIsEmpty() throws IOException {
        RotationRule rule = new RotationRule(100, Duration.ZERO);
        try (Segment segment = new FileSequence(dir, 0, clock).next()) {
            assertThat(rule.before(segment, 500, clock.millis())).as("an empty file takes any line").isFalse();
            segment.append(new byte[60]);
            assertThat(rule.before(segment, 40, clock.millis())).as("exactly full").isFalse();
            assertThat(rule.before(segment, 41, clock.millis())).isTrue();
        }
    }

    @Test
    void aFileOpenForTheIntervalIsAgedAndZeroMeansNeverByTime() throws IOException {
        RotationRule byTime = new RotationRule(1 << 20, Duration.ofMinutes(1));
        RotationRule bySize = new RotationRule(1 << 20, Duration.ZERO);
        try (Segment segment = new FileSequence(dir, 0, clock).next()) {
            clock.advance(Duration.ofSeconds(59));
            assertThat(byTime.aged(segment, clock.millis())).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(byTime.aged(segment, clock.millis())).isTrue();
            assertThat(byTime.before(segment, 1, clock.millis())).isTrue();
            clock.advance(Duration.ofDays(365));
            assertThat(bySize.aged(segment, clock.millis())).isFalse();
        }
    }

    @Test
    void theSizeMustBePositive() {
        assertThatThrownBy(() -> new RotationRule(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rotateBytes");
    }
}
