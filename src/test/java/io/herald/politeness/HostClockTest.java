package io.herald.politeness;

import io.herald.politeness.Delay.Reason;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A host's clock: in-flight count, due time, backoff steps, parks and the smoothed server time. */
class HostClockTest {
    private final HostClock clock = new HostClock();

    @Test
    void startsAndEndsCountRequestsInFlightAndNeverGoBelowZero() {
        clock.started(1_000);
        clock.started(1_200);
        assertThat(clock.inFlight()).isEqualTo(2);
        assertThat(clock.lastStartAt()).isEqualTo(1_200);
        clock.ended(null, false);
        clock.ended(null, false);
        clock.ended(null, false);
        assertThat(clock.inFlight()).isZero();
    }

    @Test
    void aLaterDueTimeIsKeptAndAnEarlierOneIgnored() {
        clock.notBefore(5_000);
        clock.notBefore(3_000);
        assertThat(clock.dueAt()).isEqualTo(5_000);
        clock.notBefore(7_000);
        assertThat(clock.dueAt()).isEqualTo(7_000);
    }

    @Test
    void eachFailureRaisesBackoffByAStepAndEachSuccessHalvesIt() {
        for (int i = 0; i < 5; i++) {
            clock.ended(null, true);
        }
        assertThat(clock.backoffLevel()).isEqualTo(5);
        assertThat(clock.consecutiveFailures()).isEqualTo(5);
        clock.ended(null, false);
        assertThat(clock.backoffLevel()).isEqualTo(2);
        assertThat(clock.consecutiveFailures()).isZero();
        clock.ended(null, false);
        clock.ended(null, false);
        assertThat(clock.backoffLevel()).isZero();
    }

    @Test
    void serverTimeIsAnExponentialMeanWithWeightPointThreeForTheNewest() {
        assertThat(clock.smoothedServerMillis()).isNegative();
        clock.ended(Duration.ofMillis(100), false);
        assertThat(clock.smoothedServerMillis()).isEqualTo(100.0);
        clock.ended(Duration.ofMillis(200), false);
        assertThat(clock.smoothedServerMillis()).isCloseTo(130.0, Offset.offset(1e-9));
        clock.ended(null, false); // nothing reached the server: the mean stays
        assertThat(clock.smoothedServerMillis()).isCloseTo(130.0, Offset.offset(1e-9));
    }

    @Test
    void aParkCountsAndLeavesOneProbeBeforeTheNextAndASuccessForgetsParks() {
        for (int i = 0; i < 3; i++) {
            clock.ended(null, true);
        }
        assertThat(clock.park(3)).isEqualTo(1);
        assertThat(clock.consecutiveFailures()).isEqualTo(2);
        clock.ended(null, true);
        assertThat(clock.park(3)).isEqualTo(2);
        clock.ended(null, false);
        assertThat(clock.parks()).isZero();
    }

    @Test
    void aRestoredClockKeepsItsCountersAndOwesWhatItIsGiven() {
        clock.restore(4, 2, 1, 80.0);
        assertThat(clock.backoffLevel()).isEqualTo(4);
        assertThat(clock.consecutiveFailures()).isEqualTo(2);
        assertThat(clock.parks()).isEqualTo(1);
        assertThat(clock.smoothedServerMillis()).isEqualTo(80.0);
        assertThat(clock.delay()).isEqualTo(Delay.NONE);
        Delay crawlDelay = new Delay(Duration.ofSeconds(2), Reason.CRAWL_DELAY, Duration.ofSeconds(2));
        clock.owe(crawlDelay);
        assertThat(clock.delay()).isEqualTo(crawlDelay);
    }
}
