package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.FetchConfig;
import io.herald.config.PolitenessConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** robots.txt and the per-host clock, proven from the server's request log. */
class PolitenessEndToEndTest {
    private final Vertx vertx = Vertx.vertx();
    private TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(vertx, "127.0.0.7");
        site.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        site.html("/", "<html><body><a href=\"/a\">A</a> <a href=\"/b\">B</a> <a href=\"/private/c\">C</a></body></html>");
        for (String page : List.of("/a", "/b", "/private/c")) {
            site.html(page, TestSite.article("Story " + page, "Story " + page + " begins."));
        }
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private CrawlSummary crawl(PolitenessConfig politeness, FetchConfig fetch) throws Exception {
        CrawlConfig config = TestConfigs.crawl(List.of(site.url("/")), politeness, fetch, tmp.resolve("out"), 5, 100);
        return new CrawlRunner(config).run().get(60, TimeUnit.SECONDS);
    }

    private static PolitenessConfig politeness(Duration delay, Duration robotsRetryDelay, int robotsRetries) {
        return new PolitenessConfig("HeraldTest/1.0", "heraldbot", delay, Duration.ofSeconds(5), 1, 0,
                robotsRetryDelay, robotsRetries);
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
}
