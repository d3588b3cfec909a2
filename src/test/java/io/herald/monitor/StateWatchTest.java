package io.herald.monitor;

import io.herald.testing.FakeClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StateWatchTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void anOldCheckpointIsDownUntilTheNextOne() {
        StateWatch watch = new StateWatch(clock, true, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(watch.status().isOk()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(watch.status().isOk()).isFalse();
        assertThat(watch.status().getData().getString("reason")).isEqualTo("no checkpoint for 30s (monitor.stallAfter 30s)");
        watch.checkpointed();
        assertThat(watch.status().isOk()).isTrue();
    }

    @Test
    void aClosedStoreIsDown() {
        StateWatch watch = new StateWatch(clock, true, Duration.ofSeconds(30));
        watch.closed();
        assertThat(watch.status().getData().getString("reason")).isEqualTo("the state store is closed");
    }

    @Test
    void aMemoryStoreHasNoCheckpointsToAge() {
        StateWatch watch = new StateWatch(clock, false, Duration.ofSeconds(30));
        clock.advance(Duration.ofHours(1));
        assertThat(watch.status().isOk()).isTrue();
    }
}
