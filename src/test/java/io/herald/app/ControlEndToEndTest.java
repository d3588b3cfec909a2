package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control API on a running crawl, proven from the site's request log: a pause stops requests and keeps the
 * delay, seeds go through scope and robots, and a stop ends the crawl so that the same command resumes it.
 */
@ExtendWith(VertxExtension.class)
class ControlEndToEndTest {
    private static final String TOKEN = "control-test-token-0123";
    private static final Duration DELAY = Duration.ofMillis(150);
    private static final int ARTICLES = 40;
    private final HttpClient http = HttpClient.newHttpClient();
    private TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void startSite(Vertx vertx) throws Exception {
        site = new TestSite(vertx, "127.0.0.23").start().await(10, TimeUnit.SECONDS);
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        StringBuilder front = new StringBuilder("<html><head><title>Front</title></head><body><ul>");
        for (int i = 1; i <= ARTICLES; i++) {
            front.append("<li><a href=\"/a").append(i).append("\">Headline ").append(i).append("</a></li>");
            site.html("/a" + i, TestSite.article("Story " + i, "Story " + i + " begins here."));
        }
        site.html("/", front.append("</ul></body></html>").toString());
        site.html("/extra", TestSite.article("Extra", "Added while the crawl ran."));
        site.html("/private/x", TestSite.article("Private", "Nobody may read this."));
    }

    private CrawlConfig config() {
        return TestConfigs.crawl(List.of(site.url("/")), TestConfigs.politeness(DELAY, 1), TestConfigs.fetch(),
                tmp.resolve("out"), 10, 10_000, TestConfigs.monitor(Duration.ofMinutes(1), 0, TOKEN),
                TestConfigs.rocksState(tmp.resolve("state"), Duration.ofMillis(200)));
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private long arrivedAfter(long nanos) {
        return site.hits().stream().filter(h -> h.arrivedNanos() > nanos).count();
    }

    private long pageHits() {
        return site.paths().stream().filter(p -> p.startsWith("/a")).count();
    }

    @Test
    void pauseSeedsResumeAndStopThenTheSameCommandResumes() throws Exception {
        CrawlRunner runner = TestRunners.standalone(config());
        CompletableFuture<CrawlSummary> run = runner.run();
        await().atMost(Duration.ofSeconds(30)).until(() -> pageHits() >= 3);
        int port = runner.monitorPort();

        HttpResponse<String> paused = post(port, "/control/pause", null);
        long pausedAt = System.nanoTime(); // a request in flight may still end; none may start from here
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(paused.body()).getBoolean("paused")).isTrue();
        // 2s is thirteen delays: an unpaused crawl would send about a dozen requests in it (the resume below shows it)
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> arrivedAfter(pausedAt) == 0);

        String seeds = new JsonObject().put("urls", new JsonArray().add(site.url("/extra"))
                .add(site.url("/private/x")).add("http://127.0.0.99:9/elsewhere").add(site.url("/a1"))).encode();
        HttpResponse<String> added = post(port, "/control/seeds", seeds);
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(added.body()).getJsonObject("seeds")).isEqualTo(new JsonObject()
                .put(site.url("/extra"), "queued").put(site.url("/private/x"), "robots_blocked")
                .put("http://127.0.0.99:9/elsewhere", "out_of_scope").put(site.url("/a1"), "duplicate"));
        assertThat(arrivedAfter(pausedAt)).as("seeds added while paused are not fetched yet").isZero();

        assertThat(new JsonObject(post(port, "/control/resume", null).body()).getBoolean("paused")).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> arrivedAfter(pausedAt) >= 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> site.paths().contains("/extra"));
        assertThat(site.minGapMillis()).as("the resume does not burst the host").isGreaterThanOrEqualTo(DELAY.toMillis());

        assertThat(post(port, "/control/stop", null).statusCode()).isEqualTo(202);
        CrawlSummary stopped = run.get(60, TimeUnit.SECONDS);
        assertThat(stopped.reason()).isEqualTo("stopped");
        long fetchedBeforeStop = pageHits();
        assertThat(fetchedBeforeStop).as("the stop came before the end").isLessThan(ARTICLES);

        CrawlSummary resumed = TestRunners.standalone(config()).run().get(60, TimeUnit.SECONDS);
        assertThat(resumed.reason()).isEqualTo("frontier exhausted");
        assertThat(site.paths()).doesNotContain("/private/x");
        assertThat(site.paths().stream().filter(p -> p.startsWith("/a")).distinct().count()).isEqualTo(ARTICLES);
        List<String> urls = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(tmp.resolve("out"))) {
            Files.readAllLines(file).forEach(l -> urls.add(new JsonObject(l).getString("url")));
        }
        assertThat(urls).doesNotHaveDuplicates().contains(site.url("/extra")).hasSize(ARTICLES + 1);
    }
}
