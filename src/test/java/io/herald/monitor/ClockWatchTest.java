package io.herald.monitor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ClockWatchTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong wall = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final ClockWatch watch = new ClockWatch(registry, wall::get, nanos::get);

    private void elapse(long monotonicMs, long wallMs) {
        nanos.addAndGet(monotonicMs * 1_000_000L);
        wall.addAndGet(wallMs);
    }

    private double jumps(String direction) {
        return registry.get("herald.clock.jumps").tag("direction", direction).counter().count();
    }

    @Test
    void aClockSteppedBackIsSeenAndCountedOnce() {
        elapse(1000, 1000);
        assertThat(watch.check()).isZero();
        elapse(1000, 1000 - 3_600_000);
        assertThat(watch.check()).isEqualTo(-3_600_000);
        elapse(1000, 1000);
        assertThat(watch.check()).as("the next check starts from the new time").isZero();
        assertThat(jumps("backwards")).isEqualTo(1);
        assertThat(jumps("forwards")).isZero();
    }

    @Test
    void driftWithinASecondIsNotAJumpButAStepForwardIs() {
        elapse(1000, 1900);
        assertThat(watch.check()).isZero();
        elapse(1000, 1000 + 5000);
        assertThat(watch.check()).isEqualTo(5000);
        assertThat(jumps("forwards")).isEqualTo(1);
    }
}
