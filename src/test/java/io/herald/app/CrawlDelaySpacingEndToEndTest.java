package io.herald.app;

import io.herald.config.FetchConfig;
import io.herald.config.PolitenessConfig;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Crawl-delay spaces request starts at any concurrency, as the server sees it: with
 * {@code perHostConcurrency: 8} and a wide fetch pipeline, no two requests to a host asking for
 * {@code Crawl-delay: 0.3} arrive closer than 0.3 s apart. The control, the same crawl of a host without a
 * Crawl-delay, gets requests closer than that, so the check can fail.
 */
@ExtendWith(VertxExtension.class)
class CrawlDelaySpacingEndToEndTest {
    private static final int PAGES = 8;
    private static final double CRAWL_DELAY_MS = 300;

    @TempDir
    Path tmp;

    /** A home page linking to {@code PAGES} articles, each answered after a short wait so requests overlap. */
    private TestSite site(Vertx vertx, String address, String robots) throws Exception {
        TestSite site = new TestSite(vertx, address).start().await(10, TimeUnit.SECONDS);
        site.text("/robots.txt", 200, robots);
        StringBuilder home = new StringBuilder("<html><body>");
        for (int i = 0; i < PAGES; i++) {
            site.slowHtml("/s" + i, 30, TestSite.article("Story " + i, "Story " + i + " begins."));
            home.append("<a href=\"/s").append(i).append("\">").append(i).append("</a> ");
        }
        site.html("/", home.append("</body></html>").toString());
        return site;
    }

    private void crawl(TestSite site, String name) throws Exception {
        PolitenessConfig politeness = TestConfigs.politeness(Duration.ZERO, 8); // delay 0, 8 per host, no adaptive
        FetchConfig fetch = new FetchConfig(64, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 3, 1,
                Duration.ofMillis(200));
        CrawlSummary summary = TestRunners.standalone(TestConfigs.crawl(List.of(site.url("/")), politeness, fetch,
                tmp.resolve(name), 3, 100)).run().get(60, TimeUnit.SECONDS);
        assertThat(summary.articles()).isEqualTo(PAGES);
    }

    @Test
    void aCrawlDelaySpacesRequestStartsAtConcurrencyEightAndTheControlShowsTheCheckCanFail(Vertx vertx)
            throws Exception {
        TestSite control = site(vertx, "127.0.0.21", "User-agent: *\nDisallow:\n");
        crawl(control, "control");
        assertThat(control.paths()).hasSize(PAGES + 2);
        assertThat(control.minStartGapMillis()).as("control: no Crawl-delay, 8 per host")
                .isLessThan(CRAWL_DELAY_MS);

        TestSite delayed = site(vertx, "127.0.0.22", "User-agent: *\nCrawl-delay: 0.3\nDisallow:\n");
        crawl(delayed, "delayed");
        assertThat(delayed.paths()).hasSize(PAGES + 2);
        assertThat(delayed.minStartGapMillis()).as("start to start, as the server saw it")
                .isGreaterThanOrEqualTo(CRAWL_DELAY_MS);
    }
}
