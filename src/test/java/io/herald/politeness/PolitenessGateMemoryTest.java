package io.herald.politeness;

import io.herald.model.Validators;

import io.herald.config.PolitenessConfig;
import io.herald.model.CrawlUrl;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.herald.politeness.Decision.Kind;
import io.herald.testing.FakeClock;
import io.herald.testing.MapHostStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A gate saves what it learns of a host; a new gate on the same memory (a restart) decides as the old one would. */
class PolitenessGateMemoryTest {
    private static final String HOST = "http://news.test:8080";
    private static final int CAP = 1024;
    private static final Duration DELAY = Duration.ofSeconds(1);

    private final FakeClock clock = new FakeClock();
    private final MapHostStore memory = new MapHostStore();

    /** Delay 1s, Crawl-delay cap as given, 1 robots retry, TTL 24h, parked after 2 failures for 2 min, 2 parks. */
    private static PolitenessConfig config(Duration maxCrawlDelay) {
        return new PolitenessConfig("ua", "heraldbot", DELAY, maxCrawlDelay, 1, 0, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 1, Duration.ofHours(24), 2, Duration.ofMinutes(2), 2, Duration.ZERO);
    }

    private PolitenessGate gate() {
        return gate(config(Duration.ofSeconds(30)));
    }

    /** A new gate on the same memory: what a new process sees. */
    private PolitenessGate gate(PolitenessConfig config) {
        return new PolitenessGate(config, Duration.ofSeconds(1), CAP, clock, () -> 0.0, memory);
    }

    private static FetchTask task(String path, FetchTask.Kind kind) {
        return new FetchTask(new CrawlUrl(HOST + path, HOST, 0, null, Via.SEED, 0, 0), kind);
    }

    private void fetchRobots(PolitenessGate gate, String body) {
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        gate.robotsStarted(HOST);
        gate.robotsDone(new FetchResult.Fetched(task("/robots.txt", FetchTask.Kind.ROBOTS), Duration.ofMillis(5),
                Duration.ofMillis(5), 200, "text/plain", body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Validators.NONE));
    }

    private void page(PolitenessGate gate, FetchResult result) {
        waitUntilReady(gate);
        gate.pageStarted(HOST);
        gate.pageDone(result);
    }

    private void waitUntilReady(PolitenessGate gate) {
        Decision decision = gate.check(HOST);
        if (decision.kind() == Kind.WAIT) {
            clock.advanceMillis(decision.at() - clock.millis());
            decision = gate.check(HOST);
        }
        assertThat(decision.kind()).isEqualTo(Kind.READY);
    }

    private static FetchResult ok(String path) {
        return new FetchResult.Fetched(task(path, FetchTask.Kind.PAGE), Duration.ofMillis(5), Duration.ofMillis(5),
                200, "text/html", new byte[0], Instant.EPOCH, Validators.NONE);
    }

    private static FetchResult status(String path, int status, Duration retryAfter) {
        return new FetchResult.HttpError(task(path, FetchTask.Kind.PAGE), Duration.ofMillis(5),
                Duration.ofMillis(5), status, retryAfter);
    }

    @Test
    void freshRulesAreNotFetchedAgainAndADisallowedUrlStaysDisallowed() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nDisallow: /private/\nSitemap: " + HOST + "/news.xml\n");
        page(first, ok("/a"));

        clock.advance(Duration.ofMinutes(10));
        PolitenessGate restarted = gate();
        waitUntilReady(restarted);
        assertThat(restarted.allows(HOST, HOST + "/private/c")).isFalse();
        assertThat(restarted.allows(HOST, HOST + "/b")).isTrue();
        assertThat(restarted.describe(HOST).robots().state()).isEqualTo("fetched");
        assertThat(restarted.restoredSitemaps(HOST)).as("read again once per run").containsExactly(HOST + "/news.xml");
        assertThat(restarted.restoredSitemaps(HOST)).isEmpty();
    }

    @Test
    void aRestartAtConcurrencyEightKeepsTheCrawlDelayBetweenStartsAndOneRequestInFlight() {
        PolitenessConfig eightNoDelay = new PolitenessConfig("ua", "heraldbot", Duration.ZERO, Duration.ofSeconds(30),
                8, 0, Duration.ofSeconds(10), Duration.ofSeconds(30), 1, Duration.ofHours(24), 2, Duration.ofMinutes(2),
                2, Duration.ZERO);
        PolitenessGate first = gate(eightNoDelay);
        fetchRobots(first, "User-agent: *\nCrawl-delay: 2\n");
        waitUntilReady(first);
        first.pageStarted(HOST); // killed with this request in flight: its end is never recorded
        long lastStart = clock.millis();

        clock.advanceMillis(100);
        PolitenessGate restarted = gate(eightNoDelay);
        assertThat(restarted.check(HOST)).as("one full Crawl-delay after the restart, so after the last start too")
                .isEqualTo(new Decision(Kind.WAIT, clock.millis() + 2000));
        clock.advance(Duration.ofSeconds(2));
        restarted.pageStarted(HOST);
        assertThat(clock.millis() - lastStart).isGreaterThanOrEqualTo(2000);
        assertThat(restarted.check(HOST).kind()).as("still one at a time").isEqualTo(Kind.BLOCKED);
    }

    @Test
    void rulesOlderThanTheTtlAreFetchedAgain() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nDisallow: /private/\n");
        clock.advance(Duration.ofHours(25));
        PolitenessGate restarted = gate();
        assertThat(restarted.check(HOST)).as("robots.txt is a request too: one delay first")
                .isEqualTo(new Decision(Kind.WAIT, clock.millis() + DELAY.toMillis()));
        clock.advance(DELAY);
        assertThat(restarted.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        assertThat(restarted.allows(HOST, HOST + "/private/c")).as("the old rules hold meanwhile").isFalse();
    }

    @Test
    void synthetic4xxAllowIsKeptWithoutABody() {
        PolitenessGate first = gate();
        first.check(HOST);
        first.robotsStarted(HOST);
        first.robotsDone(new FetchResult.HttpError(task("/robots.txt", FetchTask.Kind.ROBOTS),
                Duration.ofMillis(5), Duration.ofMillis(5), 404, null));
        assertThat(memory.robots.get(HOST).body()).isNull();

        PolitenessGate restarted = gate();
        waitUntilReady(restarted);
        assertThat(restarted.allows(HOST, HOST + "/anything")).isTrue();
        assertThat(restarted.describe(HOST).robots().state()).isEqualTo("4xx-allow");
    }

    @Test
    void restartRuleAContactedHostWaitsOneFullDelayEvenIfItsSavedDueTimeHasPassed() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nDisallow:\n");
        page(first, ok("/a"));
        clock.advance(Duration.ofMinutes(5)); // the saved due time is long past
        PolitenessGate restarted = gate();
        assertThat(restarted.check(HOST)).isEqualTo(new Decision(Kind.WAIT, clock.millis() + DELAY.toMillis()));
    }

    @Test
    void restartRuleKeepsTheCrawlDelayOfSavedRules() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nCrawl-delay: 5\n");
        PolitenessGate restarted = gate();
        assertThat(restarted.check(HOST)).isEqualTo(new Decision(Kind.WAIT, clock.millis() + 5000));
    }

    @Test
    void retryAfterIsWaitedOutAcrossARestartAndNotStartedAgain() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nDisallow:\n");
        waitUntilReady(first);
        first.pageStarted(HOST);
        first.pageDone(status("/a", 429, Duration.ofHours(1)));
        long dueAt = clock.millis() + Duration.ofHours(1).toMillis();

        clock.advance(Duration.ofMinutes(10));
        PolitenessGate restarted = gate();
        assertThat(restarted.check(HOST)).isEqualTo(new Decision(Kind.WAIT, dueAt));
        assertThat(restarted.describe(HOST).delayReason()).isEqualTo("retry-after");
        clock.advanceMillis(dueAt - clock.millis());
        assertThat(restarted.check(HOST).kind()).isEqualTo(Kind.READY);
    }

    @Test
    void aParkedHostStaysParkedUntilItsTime() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nDisallow:\n");
        page(first, status("/a", 503, null));
        page(first, status("/b", 503, null)); // the second failure in a row parks it for 2 min
        long parkedUntil = clock.millis() + Duration.ofMinutes(2).toMillis();

        clock.advance(Duration.ofSeconds(30));
        PolitenessGate restarted = gate();
        assertThat(restarted.check(HOST)).isEqualTo(new Decision(Kind.WAIT, parkedUntil));
        assertThat(restarted.describe(HOST).delayReason()).isEqualTo("parked");
        assertThat(restarted.describe(HOST).parks()).isEqualTo(1);
        // the probe after the park fails: parked again at once, as without the restart
        page(restarted, status("/c", 503, null));
        assertThat(restarted.check(HOST))
                .isEqualTo(new Decision(Kind.WAIT, clock.millis() + Duration.ofMinutes(2).toMillis()));
    }

    @Test
    void aHostGivenUpStaysGivenUp() {
        PolitenessGate first = gate();
        for (int i = 0; i < 2; i++) { // robotsRetries 1: the second failure gives the host up
            Decision decision = first.check(HOST);
            if (decision.kind() == Kind.WAIT) {
                clock.advanceMillis(decision.at() - clock.millis());
            }
            assertThat(first.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
            first.robotsStarted(HOST);
            first.robotsDone(new FetchResult.HttpError(task("/robots.txt", FetchTask.Kind.ROBOTS),
                    Duration.ofMillis(5), Duration.ofMillis(5), 503, null));
        }
        assertThat(first.check(HOST).kind()).isEqualTo(Kind.GIVE_UP);

        clock.advance(Duration.ofDays(3));
        PolitenessGate restarted = gate();
        assertThat(restarted.check(HOST).kind()).isEqualTo(Kind.GIVE_UP);
        assertThat(restarted.skipReason(HOST)).isEqualTo(first.skipReason(HOST)).contains("unreachable");
    }

    @Test
    void anUnreachableRobotsTxtIsAskedForAgainOnlyAtItsRetryTime() {
        PolitenessGate first = gate();
        first.check(HOST);
        first.robotsStarted(HOST);
        first.robotsDone(new FetchResult.HttpError(task("/robots.txt", FetchTask.Kind.ROBOTS),
                Duration.ofMillis(5), Duration.ofMillis(5), 503, Duration.ofMinutes(10)));
        long retryAt = clock.millis() + Duration.ofMinutes(10).toMillis();
        clock.advance(Duration.ofMinutes(1));
        PolitenessGate restarted = gate();
        assertThat(restarted.check(HOST)).isEqualTo(new Decision(Kind.WAIT, retryAt));
        clock.advanceMillis(retryAt - clock.millis());
        assertThat(restarted.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
    }

    @Test
    void aHostSkippedForItsCrawlDelayIsJudgedAgainByTheNextRunsCap() {
        PolitenessGate first = gate(config(Duration.ofSeconds(2)));
        fetchRobots(first, "User-agent: *\nCrawl-delay: 5\n");
        assertThat(first.check(HOST).kind()).isEqualTo(Kind.GIVE_UP);

        assertThat(gate(config(Duration.ofSeconds(2))).check(HOST).kind()).as("same cap").isEqualTo(Kind.GIVE_UP);
        PolitenessGate raised = gate(config(Duration.ofSeconds(10)));
        assertThat(raised.check(HOST)).isEqualTo(new Decision(Kind.WAIT, clock.millis() + 5000));
        assertThat(raised.describe(HOST).delayReason()).isEqualTo("crawl-delay");
    }

    @Test
    void countersKeepAddingUpAndAPageResponseWritesOnlyTheSmallRecord() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nDisallow: /private/\n");
        page(first, ok("/a"));
        page(first, ok("/b"));
        assertThat(first.allows(HOST, HOST + "/private/x")).isFalse();
        assertThat(memory.robotsSaves).as("robots.txt body written once").isEqualTo(1);
        assertThat(memory.stateSaves).isGreaterThanOrEqualTo(4);

        PolitenessGate restarted = gate();
        page(restarted, ok("/c"));
        assertThat(restarted.allows(HOST, HOST + "/private/y")).isFalse();
        assertThat(restarted.describe(HOST).requests()).isEqualTo(4); // robots.txt, /a, /b, /c
        assertThat(restarted.describe(HOST).robotsBlocked()).isEqualTo(2);
        assertThat(memory.robotsSaves).isEqualTo(1);
    }

    @Test
    void backoffSurvivesARestart() {
        PolitenessGate first = gate();
        fetchRobots(first, "User-agent: *\nDisallow:\n");
        page(first, status("/a", 503, null)); // backoff level 1: 1s base
        clock.advance(Duration.ofMinutes(1));
        PolitenessGate restarted = gate();
        assertThat(restarted.describe(HOST).consecutiveFailures()).isEqualTo(1);
        page(restarted, status("/b", 503, null)); // level 2: 2s; a second failure in a row parks the host
        assertThat(restarted.describe(HOST).parks()).isEqualTo(1);
    }

    @Test
    void aHostWithoutSavedStateStartsAsNew() {
        PolitenessGate gate = gate();
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        assertThat(memory.stateSaves).isZero();
    }
}
