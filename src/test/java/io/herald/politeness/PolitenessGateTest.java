package io.herald.politeness;

import io.herald.model.Validators;

import io.herald.config.PolitenessConfig;
import io.herald.model.CrawlUrl;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.herald.politeness.Decision.Kind;
import io.herald.testing.FakeClock;
import io.herald.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PolitenessGateTest {
    private static final String HOST = "http://news.test:8080";
    private static final int CAP = 1024;

    private final FakeClock clock = new FakeClock();

    private PolitenessGate gate(PolitenessConfig config) {
        return new PolitenessGate(config, Duration.ofSeconds(1), CAP, clock, () -> 0.0);
    }

    private PolitenessGate gate(Duration delay) {
        return gate(TestConfigs.politeness(delay, 1));
    }

    private static FetchTask robotsTask() {
        return new FetchTask(new CrawlUrl(HOST + "/robots.txt", HOST, 0, null, Via.SEED, 0, 0), FetchTask.Kind.ROBOTS);
    }

    private static FetchTask pageTask(String path) {
        return new FetchTask(new CrawlUrl(HOST + path, HOST, 0, null, Via.SEED, 0, 0), FetchTask.Kind.PAGE);
    }

    private static FetchResult robots(String body) {
        return new FetchResult.Fetched(robotsTask(), Duration.ofMillis(5), Duration.ofMillis(5), 200, "text/plain",
                body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Validators.NONE);
    }

    private static FetchResult ok(String path, long elapsedMs) {
        return new FetchResult.Fetched(pageTask(path), Duration.ofMillis(elapsedMs), Duration.ofMillis(elapsedMs),
                200, "text/html", new byte[0], Instant.EPOCH, Validators.NONE);
    }

    private static FetchResult httpError(FetchTask task, int status, Duration retryAfter) {
        return new FetchResult.HttpError(task, Duration.ofMillis(5), Duration.ofMillis(5), status, retryAfter);
    }

    /** Fetches robots with the given body and waits out the delay that follows. */
    private void robotsReady(PolitenessGate gate, String body) {
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        gate.robotsStarted(HOST);
        gate.robotsDone(robots(body));
        clock.advance(Duration.ofHours(1));
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.READY);
    }

    @Test
    void robotsComeFirstAndBlockUntilAnswered() {
        PolitenessGate gate = gate(Duration.ofSeconds(1));
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        gate.robotsStarted(HOST);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.BLOCKED);
        gate.robotsDone(robots("User-agent: *\nDisallow:\n"));
        Decision afterRobots = gate.check(HOST);
        assertThat(afterRobots.kind()).isEqualTo(Kind.WAIT);
        assertThat(afterRobots.at()).isEqualTo(clock.millis() + 1000);
    }

    @Test
    void nextRequestWaitsTheDelayFromTheEndOfTheResponse() {
        PolitenessGate gate = gate(Duration.ofMillis(500));
        robotsReady(gate, "");
        gate.pageStarted(HOST);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.BLOCKED);
        clock.advanceMillis(300); // the response takes a while; the delay counts from its end
        gate.pageDone(ok("/a", 300));
        assertThat(gate.check(HOST)).isEqualTo(new Decision(Kind.WAIT, clock.millis() + 500));
        clock.advanceMillis(499);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.WAIT);
        clock.advanceMillis(1);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.READY);
    }

    @Test
    void crawlDelayRaisesTheGap() {
        PolitenessGate gate = gate(TestConfigs.politeness(Duration.ofMillis(100), 1));
        robotsReady(gate, "User-agent: *\nCrawl-delay: 3\n");
        gate.pageStarted(HOST);
        gate.pageDone(ok("/a", 1));
        assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(3000);
        assertThat(gate.describe(HOST).delayReason()).isEqualTo("crawl-delay");
    }

    @Test
    void aCrawlDelayAboveTheCapSkipsTheHostWithAReason() {
        PolitenessGate capped = gate(config(Duration.ZERO, Duration.ofSeconds(2), 0));
        capped.check(HOST);
        capped.robotsStarted(HOST);
        capped.robotsDone(robots("User-agent: *\nCrawl-delay: 3600\n"));
        clock.advance(Duration.ofHours(2));
        assertThat(capped.check(HOST).kind()).isEqualTo(Kind.GIVE_UP);
        assertThat(capped.skipReason(HOST)).contains("Crawl-delay 3600s").contains("maxCrawlDelay 2s");
    }

    private static PolitenessConfig config(Duration delay, Duration maxCrawlDelay, double adaptive) {
        return new PolitenessConfig("ua", "heraldbot", delay, maxCrawlDelay, 1, adaptive, Duration.ofSeconds(10),
                Duration.ofSeconds(1), 1, Duration.ofHours(24), 3, Duration.ofMinutes(2), 2, Duration.ZERO);
    }

    @Test
    void robotsRulesForOurTokenAreApplied() {
        PolitenessGate gate = gate(Duration.ZERO);
        robotsReady(gate, "User-agent: otherbot\nDisallow: /\n\nUser-agent: heraldbot\nDisallow: /private\n");
        assertThat(gate.allows(HOST, HOST + "/news/1")).isTrue();
        assertThat(gate.allows(HOST, HOST + "/private/1")).isFalse();
    }

    @Test
    void robots404AllowsEverything() {
        PolitenessGate gate = gate(Duration.ZERO);
        gate.check(HOST);
        gate.robotsStarted(HOST);
        gate.robotsDone(httpError(robotsTask(), 404, null));
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.READY);
        assertThat(gate.allows(HOST, HOST + "/anything")).isTrue();
    }

    @Test
    void robots5xxAndNetworkErrorsDeferTheHostThenGiveUp() {
        PolitenessGate gate = gate(TestConfigs.politeness(Duration.ZERO, 1)); // robotsRetries = 2, retry delay 30s
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
            gate.robotsStarted(HOST);
            FetchResult failure = attempt == 1
                    ? new FetchResult.NetworkError(robotsTask(), Duration.ofMillis(1), Duration.ofMillis(1),
                            "timeout", "slow")
                    : httpError(robotsTask(), attempt == 0 ? 503 : 429, null);
            gate.robotsDone(failure);
            if (attempt < 2) {
                Decision wait = gate.check(HOST);
                assertThat(wait.kind()).isEqualTo(Kind.WAIT);
                assertThat(wait.at()).isEqualTo(clock.millis() + 30_000);
                clock.advance(Duration.ofSeconds(30));
            }
        }
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.GIVE_UP);
    }

    @Test
    void retryAfterOn429IsHonoured() {
        PolitenessGate gate = gate(Duration.ofMillis(100));
        robotsReady(gate, "");
        gate.pageStarted(HOST);
        gate.pageDone(httpError(pageTask("/a"), 429, Duration.ofSeconds(7)));
        assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(7000);
        assertThat(gate.describe(HOST).delayReason()).isEqualTo("retry-after");
    }

    @Test
    void backoffDoublesAfterConsecutiveFailuresAndDecaysWithSuccesses() {
        PolitenessGate gate = gate(Duration.ofMillis(100));
        robotsReady(gate, "");
        long[] expected = {1000, 2000, 4000};
        for (long gap : expected) {
            gate.pageStarted(HOST);
            gate.pageDone(httpError(pageTask("/a"), 503, null));
            assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(gap);
            clock.advanceMillis(gap);
        }
        gate.pageStarted(HOST);
        gate.pageDone(ok("/a", 1)); // level 3 -> 1: one more success clears it
        assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(1000);
        clock.advanceMillis(1000);
        gate.pageStarted(HOST);
        gate.pageDone(ok("/a", 1));
        assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(100);
    }

    @Test
    void backoffJitterOnlyLengthensTheWait() {
        PolitenessGate gate = new PolitenessGate(TestConfigs.politeness(Duration.ZERO, 1), Duration.ofSeconds(1), CAP,
                clock, () -> 0.999);
        robotsReady(gate, "");
        gate.pageStarted(HOST);
        gate.pageDone(httpError(pageTask("/a"), 500, null));
        assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(1250); // 1000 ms × (1 + 0.25 × 0.999)
    }

    @Test
    void aHostThatKeepsFailingIsParkedGetsOneProbeThenIsGivenUp() {
        PolitenessGate gate = gate(config(Duration.ZERO, Duration.ofSeconds(30), 0)); // park after 3, parkFor 2m, maxParks 2
        robotsReady(gate, "");
        int requests = 0;
        while (gate.check(HOST).kind() != Kind.GIVE_UP) {
            Decision decision = gate.check(HOST);
            if (decision.kind() == Kind.WAIT) {
                clock.advanceMillis(decision.at() - clock.millis());
                continue;
            }
            assertThat(decision.kind()).isEqualTo(Kind.READY);
            gate.pageStarted(HOST);
            requests++;
            gate.pageDone(new FetchResult.NetworkError(pageTask("/a"), Duration.ofMillis(1), Duration.ofMillis(1),
                    "connect", "refused"));
            if (requests == 3) {
                assertThat(gate.describe(HOST).delayReason()).isEqualTo("parked");
                assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(Duration.ofMinutes(2).toMillis());
            }
        }
        assertThat(requests).as("3 failures, then one probe after each of the 2 parks").isEqualTo(5);
        assertThat(gate.skipReason(HOST)).startsWith("dead");
    }

    @Test
    void robotsRulesAreFetchedAgainAfterTheirTtl() {
        PolitenessGate gate = gate(Duration.ZERO); // robotsTtl 24h
        robotsReady(gate, "User-agent: *\nDisallow: /old\n");
        clock.advance(Duration.ofHours(24));
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        assertThat(gate.allows(HOST, HOST + "/old/1")).isFalse(); // old rules hold until new ones arrive
        gate.robotsStarted(HOST);
        gate.robotsDone(robots("User-agent: *\nDisallow: /new\n"));
        assertThat(gate.allows(HOST, HOST + "/old/1")).isTrue();
        assertThat(gate.allows(HOST, HOST + "/new/1")).isFalse();
    }

    @Test
    void hostsOnOneAddressShareTheFloor() {
        String other = "http://other.test:8080";
        PolitenessGate gate = gate(new PolitenessConfig("ua", "heraldbot", Duration.ZERO, Duration.ofSeconds(30),
                1, 0, Duration.ofSeconds(10), Duration.ofSeconds(1), 1, Duration.ofHours(24), 5, Duration.ofMinutes(2),
                3, Duration.ofMillis(700)));
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.RESOLVE);
        gate.resolved(HOST, "10.9.9.9");
        gate.resolved(other, "10.9.9.9");
        assertThat(gate.neighbours(HOST)).containsExactly(other);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        gate.robotsStarted(HOST);
        assertThat(gate.check(other).kind()).isEqualTo(Kind.BLOCKED);
        gate.robotsDone(robots(""));
        assertThat(gate.check(other)).isEqualTo(new Decision(Kind.WAIT, clock.millis() + 700));
    }

    @Test
    void statusNamesTheRobotsState() {
        PolitenessGate gate = gate(Duration.ZERO);
        assertThat(gate.describe(HOST).robots().state()).isEqualTo("pending");
        gate.check(HOST);
        gate.robotsStarted(HOST);
        gate.robotsDone(httpError(robotsTask(), 503, null));
        assertThat(gate.describe(HOST).robots().state()).isEqualTo("5xx-deferred");
        clock.advance(Duration.ofMinutes(1));
        gate.check(HOST);
        gate.robotsStarted(HOST);
        gate.robotsDone(httpError(robotsTask(), 410, null));
        assertThat(gate.describe(HOST).robots().state()).isEqualTo("4xx-allow");
    }

    @Test
    void adaptiveDelayFollowsSlowResponses() {
        PolitenessGate gate = gate(config(Duration.ofMillis(100), Duration.ofSeconds(30), 2.0));
        robotsReady(gate, "");
        gate.pageStarted(HOST);
        gate.pageDone(ok("/a", 800));
        assertThat(gate.describe(HOST).delayReason()).isEqualTo("adaptive");
        // smoothed response time: 0.7 × 5 ms (robots.txt) + 0.3 × 800 ms = 243.5 ms, times the factor 2
        assertThat(gate.check(HOST).at() - clock.millis()).isEqualTo(487);
    }

    @Test
    void perHostConcurrencyBoundsRequestsInFlight() {
        PolitenessGate gate = gate(TestConfigs.politeness(Duration.ZERO, 2));
        robotsReady(gate, "");
        gate.pageStarted(HOST);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.READY);
        gate.pageStarted(HOST);
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.BLOCKED);
        gate.pageDone(ok("/a", 1));
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.READY);
    }

    @Test
    void robotsRedirectsAreFollowedAlsoToAnotherHostUpToFiveThenMeanAllowAll() {
        PolitenessGate gate = gate(Duration.ZERO);
        gate.check(HOST);
        gate.robotsStarted(HOST);
        gate.robotsDone(new FetchResult.Redirect(robotsTask(), Duration.ofMillis(1), Duration.ofMillis(1), 301,
                "https://www.news.test/robots.txt"));
        assertThat(gate.check(HOST).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        assertThat(gate.robotsUrl(HOST)).isEqualTo("https://www.news.test/robots.txt");
        gate.robotsStarted(HOST);
        gate.robotsDone(new FetchResult.Fetched(robotsTask(), Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "text/plain", "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Validators.NONE));
        assertThat(gate.allows(HOST, HOST + "/private/1")).isFalse();

        String other = "http://loop.test";
        FetchTask otherRobots = new FetchTask(new CrawlUrl(other + "/robots.txt", other, 0, null, Via.SEED, 0, 0),
                FetchTask.Kind.ROBOTS);
        for (int hop = 0; hop < 6; hop++) {
            assertThat(gate.check(other).kind()).isEqualTo(Kind.FETCH_ROBOTS);
            gate.robotsStarted(other);
            gate.robotsDone(new FetchResult.Redirect(otherRobots, Duration.ofMillis(1), Duration.ofMillis(1), 302,
                    other + "/r" + hop));
        }
        assertThat(gate.check(other).kind()).isEqualTo(Kind.READY); // six hops: unavailable, so allow all
    }

    @Test
    void originsOfOneServerShareItsClock() {
        String https = "https://news.test";
        PolitenessGate gate = gate(Duration.ofMillis(500));
        robotsReady(gate, "");
        assertThat(gate.check(https).kind()).isEqualTo(Kind.FETCH_ROBOTS);
        gate.pageStarted(HOST);
        assertThat(gate.check(https).kind()).as("http request in flight").isEqualTo(Kind.BLOCKED);
        gate.pageDone(ok("/a", 1));
        assertThat(gate.check(https)).isEqualTo(new Decision(Kind.WAIT, clock.millis() + 500));
        assertThat(gate.neighbours(HOST)).containsExactly(https);
    }

    @Test
    void retryAfterOnAnUnreachableRobotsTxtIsHonoured() {
        PolitenessGate gate = gate(Duration.ZERO); // robotsRetryDelay 30s
        gate.check(HOST);
        gate.robotsStarted(HOST);
        gate.robotsDone(httpError(robotsTask(), 503, Duration.ofHours(1)));
        assertThat(gate.check(HOST)).isEqualTo(new Decision(Kind.WAIT, clock.millis() + Duration.ofHours(1).toMillis()));
    }

    @Test
    void truncatedRobotsKeepOnlyWholeLines() {
        String head = "User-agent: *\nDisallow: /private-area\n";
        StringBuilder body = new StringBuilder(head);
        while (body.length() < CAP + 100) {
            body.append("Disallow: /x").append(body.length()).append('\n');
        }
        byte[] cut = Arrays.copyOf(body.toString().getBytes(StandardCharsets.UTF_8), CAP);
        PolitenessGate gate = gate(Duration.ZERO);
        gate.check(HOST);
        gate.robotsStarted(HOST);
        gate.robotsDone(new FetchResult.Fetched(robotsTask(), Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "text/plain", cut, Instant.EPOCH, Validators.NONE));
        assertThat(gate.allows(HOST, HOST + "/private-area/1")).isFalse();
        assertThat(gate.allows(HOST, HOST + "/pr")).isTrue();
    }

    @Test
    void partialByteOrderMarkDoesNotHideTheFirstGroup() {
        byte[] rules = "User-agent: *\nDisallow: /secret\n".getBytes(StandardCharsets.UTF_8);
        byte[] withPartialBom = new byte[rules.length + 2];
        withPartialBom[0] = (byte) 0xEF;
        withPartialBom[1] = (byte) 0xBB;
        System.arraycopy(rules, 0, withPartialBom, 2, rules.length);
        PolitenessGate gate = gate(Duration.ZERO);
        gate.check(HOST);
        gate.robotsStarted(HOST);
        gate.robotsDone(new FetchResult.Fetched(robotsTask(), Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "text/plain", withPartialBom, Instant.EPOCH, Validators.NONE));
        assertThat(gate.allows(HOST, HOST + "/secret/x")).isFalse();
    }
}
