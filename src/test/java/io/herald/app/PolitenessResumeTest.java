package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crawl stopped and run again on the same state keeps its hosts' politeness state, as the server sees it:
 * robots.txt is requested once in all (its rules are within the TTL), it still refuses what it refused, and
 * the first request of the second run comes at least the configured delay after the last one of the first.
 */
@ExtendWith(VertxExtension.class)
class PolitenessResumeTest {
    private static final Duration DELAY = Duration.ofMillis(1500);

    @TempDir
    Path tmp;

    @Test
    void robotsRulesAndTheHostsClockSurviveAStopAndAResume(Vertx vertx) throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.14").start().await(10, TimeUnit.SECONDS);
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        site.html("/", "<html><body><a href=\"/a\">A</a> <a href=\"/b\">B</a> <a href=\"/private/c\">C</a>"
                + "</body></html>");
        for (String page : List.of("/a", "/b", "/private/c")) {
            site.html(page, TestSite.article("Story " + page, "Story " + page + " begins."));
        }
        CrawlConfig config = TestConfigs.crawl(List.of(site.url("/")), TestConfigs.politeness(DELAY, 1),
                TestConfigs.fetch(), tmp.resolve("out"), 5, 100, TestConfigs.noMonitor(),
                TestConfigs.rocksState(tmp.resolve("state"), Duration.ofMillis(200)));

        CrawlRunner first = TestRunners.standalone(config);
        CompletableFuture<CrawlSummary> firstRun = first.run();
        await().atMost(Duration.ofSeconds(20)).until(() -> site.paths().contains("/"));
        first.requestStop(); // the next request is a full delay away, so none is in flight
        assertThat(firstRun.get(30, TimeUnit.SECONDS).json().getString("reason")).isEqualTo("stopped");
        List<TestSite.Hit> before = site.hits();
        long lastEnded = before.get(before.size() - 1).endedNanos();
        assertThat(before).extracting(TestSite.Hit::path).containsExactly("/robots.txt", "/");

        long restarted = System.nanoTime();
        CrawlSummary second = TestRunners.standalone(config).run().get(60, TimeUnit.SECONDS);
        assertThat((restarted - lastEnded) / 1e6).as("the restart came within the delay, so waiting was needed")
                .isLessThan(DELAY.toMillis());

        List<TestSite.Hit> after = site.hits().subList(before.size(), site.hits().size());
        assertThat(after).extracting(TestSite.Hit::path).containsExactlyInAnyOrder("/a", "/b");
        assertThat(site.paths()).as("robots.txt once in all: its rules were kept")
                .filteredOn("/robots.txt"::equals).hasSize(1);
        assertThat((after.get(0).arrivedNanos() - lastEnded) / 1e6).as("gap across the restart")
                .isGreaterThanOrEqualTo(DELAY.toMillis());
        assertThat(site.minGapMillis()).isGreaterThanOrEqualTo(DELAY.toMillis());
        assertThat(second.json().getString("reason")).isEqualTo("frontier exhausted");
        assertThat(second.json().getJsonObject("hosts").getJsonObject(site.base()).getLong("requests"))
                .as("per-host counters add up across runs").isEqualTo(4);
    }
}
