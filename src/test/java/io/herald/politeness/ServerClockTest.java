package io.herald.politeness;

import io.herald.politeness.Delay.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The origins of one server paced as one: shared in-flight count, the largest gap, starts spaced by it. */
class ServerClockTest {
    private final ServerClock server = new ServerClock();
    private final HostClock http = new HostClock();
    private final HostClock https = new HostClock();

    ServerClockTest() {
        server.add("http://a.test", http);
        server.add("https://a.test", https);
    }

    private static Delay adaptive(long ms) {
        return new Delay(Duration.ofMillis(ms), Reason.ADAPTIVE, Duration.ZERO);
    }

    private static Delay fixed(long ms) {
        return new Delay(Duration.ofMillis(ms), Reason.CRAWL_DELAY, Duration.ofMillis(ms));
    }

    @Test
    void beforeAnyStartTheServerIsDueAtTheLatestDueTimeOfItsOrigins() {
        http.notBefore(2_000);
        https.notBefore(3_000);
        https.owe(fixed(10_000)); // no start yet: the gap spaces starts, so it does not count
        assertThat(server.dueAt()).isEqualTo(3_000);
    }

    @Test
    void theLastStartOfAnyOriginPlusTheLargestGapSpacesTheNextStart() {
        http.owe(adaptive(300));
        https.owe(adaptive(500));
        http.started(10_000);
        https.started(10_100);
        assertThat(server.gapMillis()).isEqualTo(500);
        assertThat(server.dueAt()).isEqualTo(10_600);
        http.notBefore(20_000);
        assertThat(server.dueAt()).isEqualTo(20_000);
    }

    @Test
    void theGapIsTheOneOwedNowSoADecayedBackoffNoLongerCounts() {
        http.owe(new Delay(Duration.ofSeconds(8), Reason.BACKOFF, Duration.ofSeconds(8)));
        http.started(1_000);
        assertThat(server.dueAt()).isEqualTo(9_000);
        http.owe(fixed(1_000));
        assertThat(server.dueAt()).isEqualTo(2_000);
    }

    @Test
    void inFlightIsCountedOverAllOrigins() {
        http.started(0);
        https.started(0);
        https.started(0);
        assertThat(server.inFlight()).isEqualTo(3);
    }

    @Test
    void aFixedDelayOnAnyOriginKeepsTheWholeServerAtOneInFlight() {
        http.owe(adaptive(50));
        https.owe(adaptive(80));
        assertThat(server.inFlightLimit(8)).isEqualTo(8);
        https.owe(new Delay(Duration.ofMillis(80), Reason.ADAPTIVE, Duration.ofMillis(10)));
        assertThat(server.inFlightLimit(8)).as("adaptive won, but a fixed part is above zero").isEqualTo(1);
    }

    @Test
    void originsAreListedInTheOrderTheyWereMet() {
        assertThat(server.hostKeys()).containsExactly("http://a.test", "https://a.test");
    }
}
