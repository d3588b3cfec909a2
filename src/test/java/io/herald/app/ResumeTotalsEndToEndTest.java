package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.StateConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.herald.testing.ConfigSections.withState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawl stopped by its page budget and resumed with a larger one: the second run's summary shows both runs
 * together under {@code total}, every counter the sum of the two runs', and the articles the lines in the output.
 */
@ExtendWith(VertxExtension.class)
class ResumeTotalsEndToEndTest {
    private static final int ARTICLES = 8;
    private static final String[] COUNTS = {"pageOutcomes", "robotsOutcomes", "urls", "extracted", "articles"};

    private TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void startSite(Vertx vertx) throws Exception {
        site = new TestSite(vertx, "127.0.0.14").start().await(10, TimeUnit.SECONDS);
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        StringBuilder front = new StringBuilder("<html><body><a href=\"/private/x\">Private</a> <a href=\"/gone\">Gone</a>");
        for (int i = 0; i < ARTICLES; i++) {
            front.append(" <a href=\"/story/").append(i).append("\">Story ").append(i).append("</a>");
            site.html("/story/" + i, TestSite.article("Story " + i, "Story number " + i + " begins.", "/story/0"));
        }
        site.html("/", front.append("</body></html>").toString());
    }

    private CrawlConfig config(long maxPages, StateConfig.Store store) {
        return withState(TestConfigs.crawl(List.of(site.url("/")), TestConfigs.politeness(Duration.ZERO, 2),
                        TestConfigs.fetch(), tmp.resolve("out"), 10, maxPages),
                new StateConfig(tmp.resolve("state"), store, 100, 8 << 20, 1 << 20, Duration.ofMillis(100)));
    }

    private static CrawlSummary crawl(CrawlConfig config) throws Exception {
        return TestRunners.standalone(config).run().get(60, TimeUnit.SECONDS);
    }

    @Test
    void theResumedCrawlsTotalsAreTheSumOfItsRuns() throws Exception {
        CrawlSummary first = crawl(config(4, StateConfig.Store.ROCKSDB));
        assertThat(first.reason()).isEqualTo("maxPages reached");
        assertThat(first.total().getLong("runs")).isEqualTo(1);
        assertThat(first.total().getLong("pagesFetched")).isEqualTo(first.pages());
        assertThat(first.total().getString("firstStartedAt")).isEqualTo(first.json().getString("startedAt"));

        CrawlSummary second = crawl(config(10_000, StateConfig.Store.ROCKSDB));
        assertThat(second.reason()).isEqualTo("frontier exhausted");
        JsonObject total = second.total();
        assertThat(total.getLong("runs")).isEqualTo(2);
        assertThat(total.getString("firstStartedAt")).isEqualTo(first.json().getString("startedAt"));
        assertThat(total.getLong("pagesFetched")).isEqualTo(first.pages() + second.pages());
        assertThat(total.getLong("articlesWritten")).isEqualTo(first.articles() + second.articles())
                .isEqualTo(lines()).isEqualTo(ARTICLES);
        assertThat(total.getLong("elapsedMs")).isBetween(second.json().getLong("elapsedMs"),
                first.json().getLong("elapsedMs") + second.json().getLong("elapsedMs"));
        for (String counts : COUNTS) {
            JsonObject sum = first.json().getJsonObject(counts).copy();
            second.json().getJsonObject(counts).forEach(e -> sum.put(e.getKey(), sum.getLong(e.getKey(), 0L) + (Long) e.getValue()));
            assertThat(total.getJsonObject(counts)).as(counts).isEqualTo(sum);
        }
        assertThat(total.getJsonObject("pageOutcomes").getLong("http_404")).isEqualTo(1);
        assertThat(total.getJsonObject("urls").getLong("robots_blocked")).isPositive();
        assertThat(second.line()).contains("crawl so far (2 runs since " + first.json().getString("startedAt") + "): "
                + total.getLong("pagesFetched") + " pages, " + ARTICLES + " articles");
        JsonObject written = new JsonObject(Files.readString(second.path()));
        assertThat(written.getJsonObject("total")).isEqualTo(total);
    }

    @Test
    void withTheMemoryStoreTheTotalsAreThisRun() throws Exception {
        crawl(config(4, StateConfig.Store.MEMORY));
        CrawlSummary second = crawl(config(4, StateConfig.Store.MEMORY));
        JsonObject total = second.total().copy();
        assertThat(total.remove("runs")).isEqualTo(1L);
        assertThat(total.remove("firstStartedAt")).isEqualTo(second.json().getString("startedAt"));
        for (String key : total.fieldNames()) {
            assertThat(total.getValue(key)).as(key).isEqualTo(second.json().getValue(key));
        }
    }

    private long lines() throws IOException {
        long n = 0;
        for (Path file : CrawlSummary.articleFiles(tmp.resolve("out"))) {
            n += Files.readAllLines(file).size();
        }
        return n;
    }
}
