package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.FetchConfig;
import io.herald.config.PolitenessConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** robots.txt and the per-host clock, proven from the server's request log. */
@ExtendWith(VertxExtension.class)
class PolitenessEndToEndTest {
    private Vertx vertx;
    private TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        site = new TestSite(vertx, "127.0.0.7").start().await(10, TimeUnit.SECONDS);
        site.html("/", "<html><body><a href=\"/a\">A</a> <a href=\"/b\">B</a> <a href=\"/private/c\">C</a></body></html>");
        for (String page : List.of("/a", "/b", "/private/c")) {
            site.html(page, TestSite.article("Story " + page, "Story " + page + " begins."));
        }
    }

    private CrawlSummary crawl(PolitenessConfig politeness, FetchConfig fetch) throws Exception {
        CrawlConfig config = TestConfigs.crawl(List.of(site.url("/")), politeness, fetch, tmp.resolve("out"), 5, 100);
        return TestRunners.standalone(config).run().get(60, TimeUnit.SECONDS);
    }

    private static PolitenessConfig politeness(Duration delay, Duration robotsRetryDelay, int robotsRetries) {
        return TestConfigs.politeness(delay, 1, robotsRetryDelay, robotsRetries);
    }

    @Test
    void unreachableRobotsMeansNothingButRobotsIsRequestedThenTheHostIsGivenUp() throws Exception {
        site.text("/robots.txt", 503, "busy");
        CrawlSummary summary = crawl(politeness(Duration.ZERO, Duration.ofMillis(200), 2), TestConfigs.fetch());
        assertThat(site.paths()).containsOnly("/robots.txt").hasSize(3);
        assertThat(summary.json().getJsonObject("urls").getLong("gave_up")).isEqualTo(1);
    }

    @Test
    void slowRobotsTimesOutAndDefersTheHost() throws Exception {
        site.route("/robots.txt", req -> vertx.setTimer(2000, t -> req.response().end("User-agent: *\nDisallow:\n")));
        FetchConfig quick = new FetchConfig(4, Duration.ofSeconds(1), Duration.ofMillis(500), 1 << 20, 3, 0,
                Duration.ofMillis(100));
        crawl(politeness(Duration.ZERO, Duration.ofMillis(100), 1), quick);
        assertThat(site.paths()).containsOnly("/robots.txt");
    }

    @Test
    void robots404AllowsEverything() throws Exception {
        crawl(politeness(Duration.ZERO, Duration.ofSeconds(1), 1), TestConfigs.fetch());
        assertThat(site.paths()).contains("/robots.txt", "/", "/a", "/b", "/private/c");
    }

    @Test
    void redirectedRobotsTargetRulesApply() throws Exception {
        site.route("/robots.txt", req -> req.response().setStatusCode(301).putHeader("location", "/rules.txt").end());
        site.text("/rules.txt", 200, "User-agent: heraldbot\nDisallow: /private/\n");
        crawl(politeness(Duration.ZERO, Duration.ofSeconds(1), 1), TestConfigs.fetch());
        assertThat(site.paths()).contains("/robots.txt", "/rules.txt", "/a", "/b").doesNotContain("/private/c");
    }

    @Test
    void oversizedRobotsIsCutAtTheCapAndItsRulesStillApply() throws Exception {
        StringBuilder robots = new StringBuilder("User-agent: *\nDisallow: /private/\n");
        while (robots.length() < 700 * 1024) {
            robots.append("Disallow: /archive/").append(robots.length()).append("/\n");
        }
        site.text("/robots.txt", 200, robots.toString());
        crawl(politeness(Duration.ZERO, Duration.ofSeconds(1), 1), TestConfigs.fetch());
        assertThat(site.paths()).contains("/a", "/b").doesNotContain("/private/c");
    }

    @Test
    void crawlDelayFromRobotsSetsTheGap() throws Exception {
        site.text("/robots.txt", 200, "User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n");
        crawl(politeness(Duration.ZERO, Duration.ofSeconds(1), 1), TestConfigs.fetch());
        assertThat(site.paths()).contains("/a", "/b");
        assertThat(site.minGapMillis()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void retryAfterOn429IsWaitedOutBeforeTheNextRequest() throws Exception {
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        AtomicInteger calls = new AtomicInteger();
        String article = TestSite.article("Story a", "Story a begins.");
        site.route("/a", req -> {
            if (calls.getAndIncrement() == 0) {
                req.response().setStatusCode(429).putHeader("retry-after", "1").end();
            } else {
                req.response().putHeader("content-type", "text/html").end(article);
            }
        });
        CrawlSummary summary = crawl(politeness(Duration.ofMillis(50), Duration.ofSeconds(1), 1), TestConfigs.fetch());
        assertThat(calls.get()).isEqualTo(2);
        List<TestSite.Hit> hits = site.hits();
        int first429 = site.paths().indexOf("/a");
        double gap = (hits.get(first429 + 1).arrivedNanos() - hits.get(first429).endedNanos()) / 1e6;
        assertThat(gap).isGreaterThanOrEqualTo(1000);
        assertThat(summary.articles()).isEqualTo(2);
    }

    private static PolitenessConfig with(PolitenessConfig p, double adaptive, Duration maxCrawlDelay, Duration perIp) {
        return new PolitenessConfig(p.userAgent(), p.robotsAgent(), p.delay(), maxCrawlDelay, p.perHostConcurrency(),
                adaptive, p.maxAdaptiveDelay(), p.robotsRetryDelay(), p.robotsRetries(), p.robotsTtl(),
                p.failuresBeforePark(), p.parkFor(), p.maxParks(), perIp);
    }

    @Test
    void backoffAfterConsecutive503sDoublesTheGapFromTheServersSide() throws Exception {
        for (String page : List.of("/a", "/b", "/private/c")) {
            AtomicInteger calls = new AtomicInteger();
            String article = TestSite.article("Story " + page, "Story " + page + " begins.");
            site.route(page, req -> {
                if (calls.getAndIncrement() == 0) {
                    req.response().setStatusCode(503).end();
                } else {
                    req.response().putHeader("content-type", "text/html").end(article);
                }
            });
        }
        FetchConfig fetch = new FetchConfig(4, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 3, 2,
                Duration.ofMillis(300));
        CrawlSummary summary = crawl(politeness(Duration.ZERO, Duration.ofSeconds(1), 1), fetch);
        assertThat(summary.articles()).isEqualTo(3);
        List<TestSite.Hit> hits = site.hits();
        int firstFailure = site.paths().indexOf("/a");
        long[] minimum = {300, 600, 1200}; // three 503s in a row: 300 ms, doubled, doubled again
        for (int k = 0; k < minimum.length; k++) {
            TestSite.Hit failed = hits.get(firstFailure + k);
            double gap = (hits.get(firstFailure + k + 1).arrivedNanos() - failed.endedNanos()) / 1e6;
            assertThat(gap).as("gap after failure %d (%s)", k + 1, failed.path()).isGreaterThanOrEqualTo(minimum[k]);
        }
    }

    @Test
    void adaptiveDelayFollowsASlowHost() throws Exception {
        for (String page : List.of("/a", "/b", "/private/c")) {
            String html = TestSite.article("Story " + page, "Story " + page + " begins.");
            site.route(page, req -> vertx.setTimer(200, t -> req.response().putHeader("content-type", "text/html").end(html)));
        }
        crawl(with(politeness(Duration.ZERO, Duration.ofSeconds(1), 1), 2.0, Duration.ofSeconds(5), Duration.ZERO),
                TestConfigs.fetch());
        // the first slow page moves the smoothed response time to >= 60 ms, so every later gap is >= 120 ms
        List<TestSite.Hit> pages = site.hits().stream().filter(h -> !h.path().equals("/robots.txt")
                && !h.path().equals("/")).toList();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < pages.size(); i++) {
            assertThat((pages.get(i).arrivedNanos() - pages.get(i - 1).endedNanos()) / 1e6).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void aCrawlDelayAboveTheCapSkipsTheHost() throws Exception {
        site.text("/robots.txt", 200, "User-agent: *\nCrawl-delay: 60\n");
        CrawlSummary summary = crawl(with(politeness(Duration.ZERO, Duration.ofSeconds(1), 1), 0, Duration.ofSeconds(5),
                Duration.ZERO), TestConfigs.fetch());
        assertThat(site.paths()).containsOnly("/robots.txt");
        assertThat(summary.json().getJsonObject("hosts").getJsonObject(site.base()).getString("skipped"))
                .contains("Crawl-delay 60s");
    }

    @Test
    void hostsSharingAnAddressShareThePerIpFloorAndTheControlShowsTheCheckCanFail() throws Exception {
        TestSite shared = new TestSite(vertx, "127.0.0.1").start().await(10, TimeUnit.SECONDS);
        String port = String.valueOf(portOf(shared));
        for (int i = 0; i < 4; i++) {
            shared.html("/s" + i, TestSite.article("Shared " + i, "Shared story " + i + "."));
        }
        shared.html("/", "<html><body><a href=\"/s0\">0</a><a href=\"/s1\">1</a><a href=\"/s2\">2</a>"
                + "<a href=\"/s3\">3</a></body></html>");
        List<String> seeds = List.of("http://127.0.0.1:" + port + "/", "http://localhost:" + port + "/");
        PolitenessConfig perHostOnly = politeness(Duration.ofMillis(250), Duration.ofSeconds(1), 1);

        TestRunners.standalone(TestConfigs.crawl(seeds, perHostOnly, TestConfigs.fetch(), tmp.resolve("control"), 5, 100))
                .run().get(60, TimeUnit.SECONDS);
        assertThat(shared.minGapMillis()).as("control: two host names, one address").isLessThan(250);

        TestSite floored = new TestSite(vertx, "127.0.0.1").start().await(10, TimeUnit.SECONDS);
        String port2 = String.valueOf(portOf(floored));
        for (int i = 0; i < 4; i++) {
            floored.html("/s" + i, TestSite.article("Shared " + i, "Shared story " + i + "."));
        }
        floored.html("/", "<html><body><a href=\"/s0\">0</a><a href=\"/s1\">1</a></body></html>");
        List<String> seeds2 = List.of("http://127.0.0.1:" + port2 + "/", "http://localhost:" + port2 + "/");
        TestRunners.standalone(TestConfigs.crawl(seeds2, with(perHostOnly, 0, Duration.ofSeconds(5), Duration.ofMillis(250)),
                TestConfigs.fetch(), tmp.resolve("floored"), 5, 100)).run().get(60, TimeUnit.SECONDS);
        assertThat(floored.paths()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(floored.minGapMillis()).isGreaterThanOrEqualTo(250);
    }

    private static int portOf(TestSite site) {
        return URI.create(site.base()).getPort();
    }
}
