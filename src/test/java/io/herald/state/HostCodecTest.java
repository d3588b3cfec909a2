package io.herald.state;

import io.herald.politeness.Decision;
import io.herald.politeness.PolitenessGate;
import io.herald.politeness.SavedHostState;
import io.herald.politeness.SavedHostState.RobotsState;
import io.herald.politeness.SavedRobots;
import io.herald.testing.FakeClock;
import io.herald.testing.MapHostStore;
import io.herald.testing.TestConfigs;
import io.herald.model.HostPoliteness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saved host records' bytes are a format on disk: records written by an earlier Herald must read back, and
 * the same records must be written as the same bytes. The hex below was written by the code before the
 * politeness classes were split and renamed (when the state record was called {@code SavedClock}).
 */
class HostCodecTest {
    private static final String HOST = "http://news.test";
    private static final String STATE_V1 = "01010000018bcfe569f400000002000000037768790000018bcfe56be80000000300000001"
            + "0000000100000000000009c40000000b72657472792d6166746572404540000000000000000000000000110000000000000004";
    private static final String ROBOTS_V1 = "010000001b687474703a2f2f6e6577732e746573742f726f626f74732e7478740000"
            + "0007666574636865640000001d557365722d6167656e743a202a0a437261776c2d64656c61793a20320a0000000a746578742f"
            + "706c61696e000000018bcfe56800";
    private static final SavedHostState STATE = new SavedHostState(RobotsState.READY, 1_700_000_000_500L, 2, "why",
            1_700_000_001_000L, 3, 1, 1, 2500, "retry-after", 42.5, 17, 4);
    private static final SavedRobots ROBOTS = new SavedRobots(HOST + "/robots.txt", SavedRobots.FETCHED,
            "User-agent: *\nCrawl-delay: 2\n".getBytes(StandardCharsets.UTF_8), "text/plain", false,
            1_700_000_000_000L);

    @Test
    void recordsWrittenBeforeTheSplitReadBackAndAreWrittenAsTheSameBytes() {
        assertThat(HostCodec.decodeState(HexFormat.of().parseHex(STATE_V1))).isEqualTo(STATE);
        assertThat(HostCodec.decodeRobots(HexFormat.of().parseHex(ROBOTS_V1))).isEqualTo(ROBOTS);
        assertThat(HexFormat.of().formatHex(HostCodec.encode(STATE))).isEqualTo(STATE_V1);
        assertThat(HexFormat.of().formatHex(HostCodec.encode(ROBOTS))).isEqualTo(ROBOTS_V1);
    }

    @Test
    void aGateResumesFromThoseBytesWaitingOutTheSavedRetryAfterOneAtATime() {
        MapHostStore store = new MapHostStore();
        store.saveState(HOST, HostCodec.decodeState(HexFormat.of().parseHex(STATE_V1)));
        store.saveRobots(HOST, HostCodec.decodeRobots(HexFormat.of().parseHex(ROBOTS_V1)));
        FakeClock clock = new FakeClock();
        PolitenessGate gate = new PolitenessGate(TestConfigs.politeness(Duration.ofMillis(500), 4),
                Duration.ofSeconds(1), 1 << 16, clock, store);

        assertThat(gate.check(HOST)).isEqualTo(new Decision(Decision.Kind.WAIT, 1_700_000_001_000L));
        HostPoliteness status = gate.describe(HOST);
        assertThat(status.delayReason()).isEqualTo("retry-after");
        assertThat(status.delayMs()).isEqualTo(2500);
        assertThat(status.maxInFlight()).isEqualTo(1);
        assertThat(status.requests()).isEqualTo(17);
        assertThat(status.robotsBlocked()).isEqualTo(4);
        assertThat(status.robots().state()).isEqualTo("fetched");
        assertThat(status.robots().crawlDelayMs()).isEqualTo(2000);
        clock.advanceMillis(1_700_000_001_000L - clock.millis());
        assertThat(gate.check(HOST).kind()).isEqualTo(Decision.Kind.READY);
    }
}
