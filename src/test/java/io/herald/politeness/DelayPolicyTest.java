package io.herald.politeness;

import io.herald.config.PolitenessConfig;
import io.herald.politeness.Delay.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which part of the delay wins, and the fixed part that decides one request at a time. */
class DelayPolicyTest {
    private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);

    private static PolitenessConfig config(Duration delay, double adaptiveFactor) {
        return new PolitenessConfig("ua", "heraldbot", delay, Duration.ofSeconds(30), 8, adaptiveFactor,
                Duration.ofSeconds(10), Duration.ofSeconds(1), 1, Duration.ofHours(24), 3, Duration.ofMinutes(2), 3,
                Duration.ZERO);
    }

    private static DelayPolicy policy(Duration delay, double adaptiveFactor, double jitter) {
        return new DelayPolicy(config(delay, adaptiveFactor), BACKOFF_BASE, () -> jitter);
    }

    private static HostClock measured(double serverMillis, int backoffLevel) {
        HostClock clock = new HostClock();
        clock.restore(backoffLevel, 0, 0, serverMillis);
        return clock;
    }

    @Test
    void theConfiguredDelayHoldsWhenNothingElseIsLonger() {
        Delay delay = policy(Duration.ofSeconds(1), 2.0, 0).choose(new HostClock(), Duration.ZERO, null);
        assertThat(delay).isEqualTo(new Delay(Duration.ofSeconds(1), Reason.CONFIGURED, Duration.ofSeconds(1)));
    }

    @Test
    void aLongerCrawlDelayWinsAndAnEqualOneDoesNot() {
        DelayPolicy policy = policy(Duration.ofSeconds(1), 0, 0);
        assertThat(policy.choose(new HostClock(), Duration.ofSeconds(2), null).reason()).isEqualTo(Reason.CRAWL_DELAY);
        assertThat(policy.choose(new HostClock(), Duration.ofSeconds(1), null).reason()).isEqualTo(Reason.CONFIGURED);
    }

    @Test
    void retryAfterIsCappedAtOneDay() {
        Delay delay = policy(Duration.ofSeconds(1), 0, 0).choose(new HostClock(), Duration.ZERO, Duration.ofDays(3));
        assertThat(delay).isEqualTo(new Delay(Duration.ofDays(1), Reason.RETRY_AFTER, Duration.ofDays(1)));
    }

    @Test
    void backoffDoublesPerLevelIsStretchedByTheJitterAndCappedAtTenMinutes() {
        assertThat(policy(Duration.ZERO, 0, 0).choose(measured(-1, 3), Duration.ZERO, null))
                .isEqualTo(new Delay(Duration.ofSeconds(4), Reason.BACKOFF, Duration.ofSeconds(4)));
        assertThat(policy(Duration.ZERO, 0, 1.0).choose(measured(-1, 3), Duration.ZERO, null).value())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(policy(Duration.ZERO, 0, 0).choose(measured(-1, 40), Duration.ZERO, null).value())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void adaptiveIsFactorTimesServerTimeCappedAndItsWinLeavesTheFixedPartBehind() {
        Delay delay = policy(Duration.ofMillis(100), 2.0, 0).choose(measured(400, 0), Duration.ZERO, null);
        assertThat(delay).isEqualTo(new Delay(Duration.ofMillis(800), Reason.ADAPTIVE, Duration.ofMillis(100)));
        assertThat(delay.oneAtATime()).isTrue();
        Delay capped = policy(Duration.ZERO, 2.0, 0).choose(measured(60_000, 0), Duration.ZERO, null);
        assertThat(capped).isEqualTo(new Delay(Duration.ofSeconds(10), Reason.ADAPTIVE, Duration.ZERO));
        assertThat(capped.oneAtATime()).isFalse();
    }

    @Test
    void adaptiveIsZeroWhenOffOrUnmeasured() {
        assertThat(policy(Duration.ZERO, 0, 0).adaptive(500)).isZero();
        assertThat(policy(Duration.ZERO, 2.0, 0).adaptive(-1)).isZero();
        assertThat(policy(Duration.ZERO, 2.0, 0).choose(new HostClock(), Duration.ZERO, null)).isEqualTo(Delay.NONE);
    }

    @Test
    void aCrawlDelayAboveTheCapIsRefusedWithTheKeyNamed() {
        DelayPolicy policy = policy(Duration.ZERO, 0, 0);
        assertThat(policy.crawlDelayRefusal(Duration.ofSeconds(30))).isNull();
        assertThat(policy.crawlDelayRefusal(Duration.ofSeconds(31))).contains("politeness.maxCrawlDelay");
    }
}
