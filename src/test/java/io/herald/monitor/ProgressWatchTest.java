package io.herald.monitor;

import io.herald.testing.FakeClock;
import io.vertx.ext.healthchecks.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressWatchTest {
    private static final Duration STALL = Duration.ofSeconds(60);
    private final FakeClock clock = new FakeClock();
    private final ProgressWatch watch = new ProgressWatch(clock, STALL);

    @Test
    void noSuccessWhileHostsAreDueIsAStallOnceStallAfterHasPassed() {
        watch.sample(5, 10, 1, false);
        clock.advance(STALL.minusMillis(1));
        watch.sample(5, 10, 1, false);
        assertThat(watch.status().isOk()).isTrue();
        clock.advanceMillis(1);
        watch.sample(5, 10, 1, false);
        Status stalled = watch.status();
        assertThat(stalled.isOk()).isFalse();
        assertThat(stalled.getData().getString("reason")).startsWith("stalled: no page fetched for 60s");
    }

    @Test
    void aSuccessFlipsItBack() {
        watch.sample(5, 10, 1, false);
        clock.advance(STALL.multipliedBy(2));
        watch.sample(5, 10, 1, false);
        assertThat(watch.status().isOk()).isFalse();
        watch.sample(6, 10, 1, false);
        assertThat(watch.status().isOk()).isTrue();
    }

    @Test
    void waitingOnPolitenessIsNoStallAndDoesNotCountTowardsOne() {
        watch.sample(5, 10, 1, false);
        clock.advance(STALL.multipliedBy(3)); // a long Crawl-delay: the only host waits, nothing is due
        watch.sample(5, 10, 0, false);
        assertThat(watch.status().isOk()).isTrue();
        watch.sample(5, 10, 1, false); // it becomes due: the stall clock starts now, not at the last success
        assertThat(watch.status().isOk()).isTrue();
        clock.advance(STALL);
        watch.sample(5, 10, 1, false);
        assertThat(watch.status().isOk()).isFalse();
    }

    @Test
    void anEmptyQueueOrAPauseIsNoStall() {
        watch.sample(5, 0, 0, false);
        clock.advance(STALL.multipliedBy(2));
        watch.sample(5, 0, 0, false);
        assertThat(watch.status().isOk()).isTrue();
        watch.sample(5, 10, 0, true);
        clock.advance(STALL.multipliedBy(2));
        watch.sample(5, 10, 0, true);
        assertThat(watch.status().isOk()).isTrue();
        assertThat(watch.status().getData().getBoolean("paused")).isTrue();
    }
}
