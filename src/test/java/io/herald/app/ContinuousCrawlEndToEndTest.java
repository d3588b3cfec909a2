package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.DiscoveryConfig;
import io.herald.config.JobConfig;
import io.herald.testing.LiveNewsSite;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.herald.testing.ConfigSections.withDiscovery;
import static io.herald.testing.ConfigSections.withMode;
import static io.herald.testing.ConfigSections.withMonitor;
import static io.herald.testing.ConfigSections.withRecrawl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code crawl.mode: continuous} against a site whose front page and feed gain a story every few hundred ms: each
 * story is written once, soon after it appears; unchanged hubs are answered 304 (counted at the server) and not
 * extracted; every request, revisits included, keeps the politeness delay; the crawl runs until stopped.
 */
@ExtendWith(VertxExtension.class)
class ContinuousCrawlEndToEndTest {
    static final int STORIES = 8;
    static final long PERIOD_MS = 400;
    static final Duration DELAY = Duration.ofMillis(50);
    static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(1);
    /**
     * A story appears on a hub at most one maximum interval before the hub's next visit, then waits for its host's
     * delay and extraction; the rest is slack for a loaded machine.
     */
    static final Duration BOUND = MAX_INTERVAL.plusSeconds(4);

    @TempDir
    Path tmp;

    static CrawlConfig continuous(LiveNewsSite news, CrawlConfig base) {
        CrawlConfig withFeed = withDiscovery(base, new DiscoveryConfig(List.of(news.url("/feed.xml")), true,
                Duration.ZERO, 1000, 10));
        return withMode(withRecrawl(withFeed, TestConfigs.recrawl(MIN_INTERVAL, MAX_INTERVAL)), JobConfig.Mode.CONTINUOUS);
    }

    @Test
    void eachNewStoryOnceWithinTheBoundUnchangedHubsAnswered304AndNeverExtracted(Vertx vertx) throws Exception {
        LiveNewsSite news = new LiveNewsSite(vertx, "127.0.0.41", STORIES, PERIOD_MS).start().await(10, TimeUnit.SECONDS);
        Path out = tmp.resolve("out");
        CrawlConfig config = withMonitor(continuous(news, TestConfigs.crawl(List.of(news.url("/")),
                TestConfigs.politeness(DELAY, 1), out)), TestConfigs.monitor(Duration.ofMinutes(2), 0, null));
        CrawlRunner runner = TestRunners.standalone(config);
        CompletableFuture<CrawlSummary> done = runner.run();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                stories(out).size() == STORIES && news.notModified("/") >= 2 && news.notModified("/feed.xml") >= 2);
        assertThat(done).as("a continuous crawl does not end on its own").isNotDone();
        JsonObject frontier = status(runner.monitorPort()).getJsonObject("frontier");
        JsonObject revisits = frontier.getJsonObject("revisits");
        assertThat(revisits.getInteger("scheduled")).as("the front and the feed").isEqualTo(2);
        assertThat(revisits.getJsonArray("next")).hasSize(2).allSatisfy(next -> assertThat(((JsonObject) next)
                .getDouble("intervalSeconds")).isBetween(0.2, 1.0));
        JsonObject discovery = frontier.getJsonObject("discoveryLatency");
        assertThat(discovery.getLong("count")).as("stories first seen on a revisit").isPositive();
        assertThat(discovery.getDouble("maxSeconds")).isLessThanOrEqualTo(BOUND.toSeconds());
        System.out.println("ContinuousCrawlEndToEndTest /status discoveryLatency " + discovery.encode());
        runner.requestStop();
        CrawlSummary summary = done.get(60, TimeUnit.SECONDS);

        List<JsonObject> lines = stories(out);
        Map<String, Long> perUrl = lines.stream().collect(Collectors.groupingBy(l -> l.getString("url"),
                Collectors.counting()));
        assertThat(perUrl).hasSize(STORIES).allSatisfy((url, count) -> assertThat(count).as(url).isEqualTo(1));
        Map<Integer, Long> latencies = new TreeMap<>();
        for (JsonObject line : lines) {
            int story = Integer.parseInt(line.getString("url").replaceAll(".*/story/", ""));
            Duration latency = Duration.between(news.publishedAt(story), Instant.parse(line.getString("fetchedAt")));
            latencies.put(story, latency.toMillis());
            assertThat(latency).as("story %d from publication to fetch", story).isLessThanOrEqualTo(BOUND);
        }
        System.out.println("ContinuousCrawlEndToEndTest publication-to-fetch ms by story: " + latencies
                + "; 304s front " + news.notModified("/") + " feed " + news.notModified("/feed.xml")
                + "; full front " + news.fullResponses("/") + " feed " + news.fullResponses("/feed.xml"));
        assertThat(summary.reason()).isEqualTo("stopped");

        // a 304 is counted as "unchanged" and never reaches the extractor: every extraction is a full response
        JsonObject json = summary.json();
        assertThat(json.getJsonObject("pageOutcomes").getLong("unchanged")).isEqualTo(news.notModified("/"));
        long extracted = json.getJsonObject("extracted").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
        assertThat(extracted).isEqualTo(news.fullResponses("/") + STORIES);
        // revisits go through the same gate as every request: the delay and robots.txt
        assertThat(news.site().minGapMillis()).isGreaterThanOrEqualTo(DELAY.toMillis());
        assertThat(news.site().paths()).doesNotContain("/private/x");
    }

    /** The negative control of the gap check above: with no delay the same measurement sees gaps below it. */
    @Test
    void withoutADelayTheServerSeesRevisitsCloserThanTheDelay(Vertx vertx) throws Exception {
        LiveNewsSite news = new LiveNewsSite(vertx, "127.0.0.44", STORIES, PERIOD_MS).start().await(10, TimeUnit.SECONDS);
        Path out = tmp.resolve("out");
        CrawlRunner runner = TestRunners.standalone(continuous(news, TestConfigs.crawl(List.of(news.url("/")),
                TestConfigs.politeness(Duration.ZERO, 1), out)));
        CompletableFuture<CrawlSummary> done = runner.run();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                stories(out).size() >= 3 && news.notModified("/") >= 1);
        runner.requestStop();
        done.get(60, TimeUnit.SECONDS);
        assertThat(news.site().minGapMillis()).isLessThan(DELAY.toMillis());
    }

    static JsonObject status(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/status")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    /** The article lines written so far (a line being written is not read). */
    static List<JsonObject> stories(Path out) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(out)) {
            for (String line : Files.readAllLines(file)) {
                try {
                    lines.add(new JsonObject(line));
                } catch (DecodeException partial) {
                    // the last line, still being written
                }
            }
        }
        return lines;
    }
}
