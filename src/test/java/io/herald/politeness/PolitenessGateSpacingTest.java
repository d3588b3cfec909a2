package io.herald.politeness;

import io.herald.model.Validators;

import io.herald.config.PolitenessConfig;
import io.herald.model.CrawlUrl;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.herald.politeness.Decision.Kind;
import io.herald.testing.FakeClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spacing rule with {@code perHostConcurrency} above 1: a fixed delay (Crawl-delay, configured delay,
 * backoff) spaces request starts and keeps one request in flight; the adaptive delay alone spaces starts and
 * lets the concurrency apply; the adaptive delay follows the server's time, not the whole exchange, and is capped.
 * A greedy driver starts every request the gate allows, the moment it allows it.
 */
class PolitenessGateSpacingTest {
    private static final String HOST = "http://news.test";
    private static final int CONCURRENCY = 8;
    /** The server's time for every answer unless a test says otherwise, robots.txt included. */
    private static final Duration SERVER_TIME = Duration.ofMillis(50);

    private final FakeClock clock = new FakeClock();

    /** What the driver saw: the start times and the most requests in flight at once. */
    private record Run(List<Long> starts, int maxInFlight) {
        long minGap() {
            long min = Long.MAX_VALUE;
            for (int i = 1; i < starts.size(); i++) {
                min = Math.min(min, starts.get(i) - starts.get(i - 1));
            }
            return min;
        }
    }

    private static PolitenessConfig config(Duration delay, double adaptiveFactor, Duration maxAdaptive) {
        return new PolitenessConfig("ua", "heraldbot", delay, Duration.ofSeconds(30), CONCURRENCY, adaptiveFactor,
                maxAdaptive, Duration.ofSeconds(1), 1, Duration.ofHours(24), 100, Duration.ofMinutes(2), 3,
                Duration.ZERO);
    }

    private PolitenessGate gate(PolitenessConfig config, String robots) {
        PolitenessGate gate = new PolitenessGate(config, Duration.ofSeconds(1), 1024, clock, () -> 0.0);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        gate.robotsStarted(HOST);
        gate.robotsDone(new FetchResult.Fetched(task("/robots.txt", FetchTask.Kind.ROBOTS), SERVER_TIME,
                SERVER_TIME, 200, "text/plain", robots.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Validators.NONE));
        clock.advance(Duration.ofMinutes(1));
        return gate;
    }

    private static FetchTask task(String path, FetchTask.Kind kind) {
        return new FetchTask(new CrawlUrl(HOST + path, HOST, 0, null, Via.SEED, 0, 0), kind);
    }

    private static FetchResult ok(Duration elapsed, Duration serverTime) {
        return new FetchResult.Fetched(task("/a", FetchTask.Kind.PAGE), elapsed, serverTime, 200, "text/html",
                new byte[0], Instant.EPOCH, Validators.NONE);
    }

    /**
     * Starts {@code requests} requests as greedily as the gate allows; each ends {@code responseMs} after its
     * start with the result {@code outcome} gives for its index.
     */
    private Run drive(PolitenessGate gate, int requests, long responseMs, Function<Integer, FetchResult> outcome) {
        List<Long> starts = new ArrayList<>();
        PriorityQueue<long[]> ends = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0])); // {end time, index}
        int maxInFlight = 0;
        while (starts.size() < requests || !ends.isEmpty()) {
            Decision decision = gate.check(HOST);
            if (decision.kind() == Kind.READY && starts.size() < requests) {
                gate.pageStarted(HOST);
                ends.add(new long[] {clock.millis() + responseMs, starts.size()});
                starts.add(clock.millis());
                maxInFlight = Math.max(maxInFlight, ends.size());
                continue;
            }
            long next = ends.isEmpty() ? Long.MAX_VALUE : ends.peek()[0];
            if (decision.kind() == Kind.WAIT && starts.size() < requests) {
                next = Math.min(next, decision.at());
            }
            assertThat(next).as("the driver is stuck: %s", decision).isLessThan(Long.MAX_VALUE);
            clock.advanceMillis(Math.max(0, next - clock.millis()));
            while (!ends.isEmpty() && ends.peek()[0] <= clock.millis()) {
                gate.pageDone(outcome.apply((int) ends.poll()[1]));
            }
        }
        return new Run(starts, maxInFlight);
    }

    private Run drive(PolitenessGate gate, int requests, long responseMs) {
        return drive(gate, requests, responseMs, i -> ok(Duration.ofMillis(responseMs), SERVER_TIME));
    }

    @Test
    void aCrawlDelaySpacesStartsAndKeepsOneRequestInFlightAtConcurrencyEight() {
        PolitenessGate gate = gate(config(Duration.ZERO, 0, Duration.ofSeconds(10)),
                "User-agent: *\nCrawl-delay: 0.5\n");
        Run run = drive(gate, 10, 120);
        assertThat(run.maxInFlight()).isEqualTo(1);
        assertThat(gate.describe(HOST).maxInFlight()).isEqualTo(1);
        assertThat(run.minGap()).as("start to start").isGreaterThanOrEqualTo(500 + 120); // end + 0.5 s
    }

    @Test
    void aConfiguredDelaySpacesStartsAtConcurrencyEight() {
        PolitenessGate gate = gate(config(Duration.ofMillis(300), 0, Duration.ofSeconds(10)), "");
        Run run = drive(gate, 10, 0); // instant answers: only the start rule stands between two requests
        assertThat(run.maxInFlight()).isEqualTo(1);
        assertThat(run.minGap()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void withoutADelayConcurrencyEightStartsEightAtOnce() {
        PolitenessGate gate = gate(config(Duration.ZERO, 0, Duration.ofSeconds(10)), "");
        Run run = drive(gate, 16, 200);
        assertThat(run.maxInFlight()).isEqualTo(CONCURRENCY);
        assertThat(gate.describe(HOST).maxInFlight()).isEqualTo(CONCURRENCY);
        assertThat(run.starts().subList(0, CONCURRENCY)).containsOnly(run.starts().get(0));
        assertThat(run.minGap()).as("the control: the gap check above can fail").isZero();
    }

    @Test
    void theAdaptiveDelayAloneSpacesStartsByTheServersTimeAndLetsConcurrencyApply() {
        PolitenessGate gate = gate(config(Duration.ZERO, 2.0, Duration.ofSeconds(10)), "");
        // slow exchanges as Herald sees them (1 s), a quick server (50 ms): starts 2 × 50 ms apart
        Run run = drive(gate, 20, 1000, i -> ok(Duration.ofMillis(1000), SERVER_TIME));
        assertThat(run.minGap()).isGreaterThanOrEqualTo(100);
        assertThat(run.maxInFlight()).isGreaterThan(1);
        assertThat(gate.describe(HOST).serverMs()).isEqualTo(50);
    }

    @Test
    void theAdaptiveDelayFollowsTheServersTimeNotTheWholeExchange() {
        PolitenessGate gate = gate(config(Duration.ZERO, 2.0, Duration.ofSeconds(10)), "");
        gate.pageStarted(HOST);
        gate.pageDone(ok(Duration.ofSeconds(16), SERVER_TIME)); // 16 s in Herald's queues, 50 ms at the server
        assertThat(gate.describe(HOST).serverMs()).isEqualTo(50);
        assertThat(gate.describe(HOST).delayMs()).isEqualTo(100);
    }

    @Test
    void theAdaptiveDelayIsCappedAtMaxAdaptiveDelay() {
        PolitenessGate gate = gate(config(Duration.ZERO, 2.0, Duration.ofSeconds(4)), "");
        gate.pageStarted(HOST);
        gate.pageDone(ok(Duration.ofSeconds(60), Duration.ofSeconds(60)));
        assertThat(gate.describe(HOST).delayReason()).isEqualTo("adaptive");
        assertThat(gate.describe(HOST).delayMs()).isEqualTo(4000);
        assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(4000);
    }

    @Test
    void aNetworkErrorWithoutServerTimeLeavesTheAdaptiveDelayAlone() {
        PolitenessGate gate = gate(config(Duration.ZERO, 2.0, Duration.ofSeconds(10)), "");
        gate.pageStarted(HOST);
        gate.pageDone(new FetchResult.NetworkError(task("/b", FetchTask.Kind.PAGE), Duration.ofSeconds(5), null,
                "connect", "refused"));
        assertThat(gate.describe(HOST).serverMs()).isEqualTo(50);
        assertThat(gate.describe(HOST).delayReason()).isEqualTo("backoff");
    }

    @Test
    void failuresMakeAConcurrentHostOneAtATimeWhileItBacksOff() {
        PolitenessGate gate = gate(config(Duration.ZERO, 0, Duration.ofSeconds(10)), "");
        FetchResult busy = new FetchResult.HttpError(task("/a", FetchTask.Kind.PAGE), Duration.ofMillis(10),
                Duration.ofMillis(10), 503, null);
        // eight start at once and answer 503: backoff level 8 (1 s × 2^7); each success then halves the level
        Run run = drive(gate, 12, 10, i -> i < CONCURRENCY ? busy : ok(Duration.ofMillis(10), Duration.ofMillis(5)));
        List<Long> starts = run.starts();
        assertThat(starts.subList(0, CONCURRENCY)).containsOnly(starts.get(0));
        assertThat(starts.get(8) - starts.get(0)).isEqualTo(10 + 128_000);
        assertThat(starts.get(9) - starts.get(8)).as("one at a time: end + 8 s").isEqualTo(10 + 8_000);
        assertThat(starts.get(10) - starts.get(9)).isEqualTo(10 + 2_000);
        assertThat(starts.get(11) - starts.get(10)).isEqualTo(10 + 1_000);
    }

    @Test
    void aCrawlDelayOfOneOriginSpacesEveryOriginOfTheServer() {
        String https = "https://news.test";
        PolitenessGate gate = gate(config(Duration.ZERO, 0, Duration.ofSeconds(10)), "User-agent: *\nCrawl-delay: 2\n");
        assertThat(gate.check(https).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        gate.robotsStarted(https);
        gate.robotsDone(new FetchResult.HttpError(new FetchTask(new CrawlUrl(https + "/robots.txt", https, 0, null,
                Via.SEED, 0, 0), FetchTask.Kind.ROBOTS), Duration.ofMillis(1), Duration.ofMillis(1), 404, null));
        assertThat(gate.check(https)).as("the server's clock: 2 s after the robots.txt request")
                .isEqualTo(new Decision(Kind.WAIT, clock.millis() + 2000));
        clock.advance(Duration.ofSeconds(2));
        gate.pageStarted(HOST);
        assertThat(gate.check(https).kind()).as("one in flight on the server").isEqualTo(Kind.BLOCKED);
    }
}
