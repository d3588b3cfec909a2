package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.RecrawlConfig;
import io.herald.testing.LiveNewsSite;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.herald.testing.ConfigSections.withMonitor;
import static io.herald.testing.ConfigSections.withRecrawl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code recrawl.articleRevisits}: a continuous crawl reads each article again that many times, conditionally. Story 0
 * gets a new text after its first read, story 1 never changes (its revisits are answered 304), story 2 never changes
 * and has no validators (its revisits are answered in full, with the same text): only story 0 gets a second line,
 * {@code version 2} with {@code update: true}, and no story is read more than {@code 1 + articleRevisits} times.
 */
@ExtendWith(VertxExtension.class)
class ArticleUpdatesEndToEndTest {
    static final int STORIES = 3;
    static final int REVISITS = 3;
    static final Duration ARTICLE_INTERVAL = Duration.ofMillis(300);

    @TempDir
    Path tmp;

    @Test
    void aChangedArticleGetsAVersionTwoLineAndUnchangedRevisitsWriteNothing(Vertx vertx) throws Exception {
        LiveNewsSite news = new LiveNewsSite(vertx, "127.0.0.46", STORIES, 50).edit(0).withoutValidators(2).start()
                .await(10, TimeUnit.SECONDS);
        Path out = tmp.resolve("out");
        CrawlConfig base = ContinuousCrawlEndToEndTest.continuous(news, TestConfigs.crawl(List.of(news.url("/")),
                TestConfigs.politeness(ContinuousCrawlEndToEndTest.DELAY, 1), out));
        RecrawlConfig hubs = base.recrawl();
        CrawlConfig config = withMonitor(withRecrawl(base, new RecrawlConfig(hubs.minInterval(), hubs.maxInterval(),
                hubs.maxHubs(), REVISITS, ARTICLE_INTERVAL)), TestConfigs.monitor(Duration.ofMinutes(2), 0, null));
        CrawlRunner runner = TestRunners.standalone(config);
        CompletableFuture<CrawlSummary> done = runner.run();

        // every story read 1 + REVISITS times, and none still scheduled: only the front and the feed are
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                allRead(news, 1 + REVISITS) && scheduled(runner) == 2);
        runner.requestStop();
        CrawlSummary summary = done.get(60, TimeUnit.SECONDS);
        assertThat(summary.reason()).isEqualTo("stopped");

        List<JsonObject> lines = ContinuousCrawlEndToEndTest.stories(out);
        List<JsonObject> story0 = linesOf(lines, news, 0);
        assertThat(story0).hasSize(2);
        assertThat(story0.get(0).containsKey("version")).as("a first version's line is as ever").isFalse();
        assertThat(story0.get(0).containsKey("update")).isFalse();
        assertThat(story0.get(0).getString("text")).doesNotContain("updated");
        assertThat(story0.get(1).getInteger("version")).isEqualTo(2);
        assertThat(story0.get(1).getBoolean("update")).isTrue();
        assertThat(story0.get(1).getString("text")).contains("updated: the council has now voted");
        assertThat(story0.get(1).getString("contentHash")).isNotEqualTo(story0.get(0).getString("contentHash"));
        assertThat(linesOf(lines, news, 1)).as("revisits answered 304").hasSize(1);
        assertThat(linesOf(lines, news, 2)).as("revisits answered in full with the same text").hasSize(1);
        assertThat(lines).hasSize(STORIES + 1);

        for (int i = 0; i < STORIES; i++) {
            List<String> conditions = news.storyConditions(i);
            assertThat(conditions).as("story %d: read once and revisited %d times", i, REVISITS).hasSize(1 + REVISITS);
            assertThat(conditions.get(0)).as("the first read is plain").isEqualTo("-");
        }
        // story 0: the first revisit sends the first ETag and gets the new text; the later ones send the new ETag
        assertThat(news.storyConditions(0)).containsExactly("-", "\"story-0-1\"", "\"story-0-2\"", "\"story-0-2\"");
        assertThat(news.storyConditions(1)).containsExactly("-", "\"story-1-1\"", "\"story-1-1\"", "\"story-1-1\"");
        assertThat(news.storyConditions(2)).as("nothing to send").containsOnly("-");
        assertThat(news.notModified("/story/0")).isEqualTo(REVISITS - 1);
        assertThat(news.notModified("/story/1")).isEqualTo(REVISITS);
        assertThat(news.fullResponses("/story/2")).isEqualTo(1 + REVISITS);
        long unchanged = summary.json().getJsonObject("pageOutcomes").getLong("unchanged");
        assertThat(unchanged).as("pages answered 304 (the feed's are discovery's)").isEqualTo(news.notModified("/")
                + news.notModified("/story/0") + news.notModified("/story/1"));
        assertThat(news.site().minGapMillis()).isGreaterThanOrEqualTo(ContinuousCrawlEndToEndTest.DELAY.toMillis());
    }

    private static boolean allRead(LiveNewsSite news, int times) {
        for (int i = 0; i < STORIES; i++) {
            if (news.storyConditions(i).size() < times) {
                return false;
            }
        }
        return true;
    }

    private static int scheduled(CrawlRunner runner) throws Exception {
        return ContinuousCrawlEndToEndTest.status(runner.monitorPort()).getJsonObject("frontier")
                .getJsonObject("revisits").getInteger("scheduled");
    }

    private static List<JsonObject> linesOf(List<JsonObject> lines, LiveNewsSite news, int story) {
        return lines.stream().filter(l -> l.getString("url").equals(news.url("/story/" + story))).toList();
    }
}
