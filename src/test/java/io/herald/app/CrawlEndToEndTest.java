package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.FetchConfig;
import io.herald.config.MonitorConfig;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.herald.testing.ConfigSections.withMonitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whole crawls against local sites, checked from the servers' request logs and the output files. */
@ExtendWith(VertxExtension.class)
class CrawlEndToEndTest {
    private static final Duration DELAY = Duration.ofMillis(150);

    private Vertx vertx;
    private TestSite news;
    private TestSite blog;

    @TempDir
    Path tmp;

    @BeforeEach
    void startSites(Vertx vertx) throws Exception {
        this.vertx = vertx;
        news = new TestSite(vertx, "127.0.0.5");
        blog = new TestSite(vertx, "127.0.0.6");
        news.start().await(60, TimeUnit.SECONDS);
        blog.start().await(60, TimeUnit.SECONDS);
        news.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        List<String> newsLinks = new ArrayList<>(List.of("/private/secret", blog.url("/b1")));
        IntStream.rangeClosed(1, 6).forEach(i -> newsLinks.add("/a" + i));
        news.html("/", TestSite.frontPage(newsLinks.toArray(String[]::new)));
        for (int i = 1; i <= 6; i++) {
            news.html("/a" + i, TestSite.article("News story " + i, "Story " + i + " begins here.",
                    "/a" + (i % 6 + 1), "/private/secret", "/a" + i + "#comments"));
        }
        news.html("/private/secret", TestSite.article("Secret", "Nobody may read this.", "/a1"));
        // blog.test has no robots.txt (404): everything is allowed
        blog.html("/", TestSite.frontPage("/b1", "/b2", "/b3"));
        for (int i = 1; i <= 3; i++) {
            blog.html("/b" + i, TestSite.article("Blog post " + i, "Post " + i + " begins here.", news.url("/a1")));
        }
    }

    private CrawlConfig config(Duration delay, int perHost, MonitorConfig monitor) {
        CrawlConfig base = TestConfigs.crawl(List.of(news.url("/"), blog.url("/")), TestConfigs.politeness(delay, perHost),
                tmp.resolve("out"));
        return withMonitor(base, monitor);
    }

    private List<JsonObject> articles() throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(tmp.resolve("out"))) {
            Files.readAllLines(file).forEach(l -> lines.add(new JsonObject(l)));
        }
        return lines;
    }

    @Test
    void crawlFindsExactlyTheAllowedArticlesAndStaysPolite() throws Exception {
        CrawlSummary summary = TestRunners.standalone(config(DELAY, 1, new MonitorConfig(false, "127.0.0.1", 0,
                Duration.ZERO))).run().get(60, TimeUnit.SECONDS);

        List<String> urls = articles().stream().map(a -> a.getString("url")).sorted().toList();
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(1, 6).forEach(i -> expected.add(news.url("/a" + i)));
        IntStream.rangeClosed(1, 3).forEach(i -> expected.add(blog.url("/b" + i)));
        assertThat(urls).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(summary.reason()).isEqualTo("frontier exhausted");
        assertThat(summary.articles()).isEqualTo(9);

        assertThat(news.paths()).doesNotContain("/private/secret");
        assertThat(news.paths().get(0)).isEqualTo("/robots.txt");
        assertThat(blog.paths().get(0)).isEqualTo("/robots.txt");
        assertThat(news.paths()).doesNotHaveDuplicates();
        assertThat(news.minGapMillis()).isGreaterThanOrEqualTo(DELAY.toMillis());
        assertThat(blog.minGapMillis()).isGreaterThanOrEqualTo(DELAY.toMillis());
        assertThat(summary.json().getJsonObject("urls").getLong("robots_blocked")).isEqualTo(1);
        JsonObject hosts = summary.json().getJsonObject("hosts");
        assertThat(hosts.getJsonObject(news.base()).getLong("requests")).isEqualTo(news.hits().size());
        assertThat(hosts.getJsonObject(news.base()).getLong("robotsBlocked")).isEqualTo(1);
        assertThat(hosts.getJsonObject(blog.base()).getLong("robotsBlocked")).isZero();
        assertThat(hosts.getJsonObject(blog.base()).getJsonObject("robots").getString("state"))
                .isEqualTo("4xx-allow");
        assertThat(hosts.getJsonObject(news.base()).getJsonObject("robots").getString("state")).isEqualTo("fetched");
        assertThat(summary.hostLines()).hasSize(2);
    }

    @Test
    void negativeControlWithoutPolitenessTheGapCheckFails() throws Exception {
        // Slow responses, so with 4 requests in flight one ends while others are still waiting to be sent.
        for (int i = 1; i <= 6; i++) {
            String html = TestSite.article("News story " + i, "Story " + i + ".", "/a1");
            news.route("/a" + i, req -> vertx.setTimer(40, t -> req.response().putHeader("content-type", "text/html")
                    .end(html)));
        }
        TestRunners.standalone(config(Duration.ZERO, 4, new MonitorConfig(false, "127.0.0.1", 0, Duration.ZERO))).run()
                .get(60, TimeUnit.SECONDS);
        assertThat(news.minGapMillis()).isLessThan(DELAY.toMillis());
    }

    @Test
    void healthAndStatusAnswerWhileCrawling() throws Exception {
        CrawlRunner runner = TestRunners.standalone(config(Duration.ofMillis(300), 1,
                new MonitorConfig(true, "127.0.0.1", 0, Duration.ofSeconds(1))));
        var run = runner.run();
        await().atMost(Duration.ofSeconds(20)).until(() -> runner.monitorPort() > 0);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + runner.monitorPort();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(run.isDone()).as("the crawl was still running when checked").isFalse();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("UP");
        assertThat(new JsonObject(status.body()).getJsonObject("frontier").getInteger("hostCount")).isEqualTo(2);
        assertThat(new JsonObject(status.body()).getJsonObject("total").getLong("runs")).isEqualTo(1);
        assertThat(metrics.body()).contains("herald_fetch_outcomes").contains("herald_crawl_articles_written");
        run.get(60, TimeUnit.SECONDS);
    }

    @Test
    void maxPagesEndsTheCrawlEarly() throws Exception {
        CrawlConfig base = config(Duration.ZERO, 1, new MonitorConfig(false, "127.0.0.1", 0, Duration.ZERO));
        FetchConfig fetch = base.fetch();
        CrawlConfig limited = TestConfigs.crawl(base.crawl().seeds(), base.politeness(), fetch, tmp.resolve("out"), 10, 4);
        CrawlSummary summary = TestRunners.standalone(limited).run().get(60, TimeUnit.SECONDS);
        assertThat(summary.reason()).isEqualTo("maxPages reached");
        assertThat(news.paths().stream().filter(p -> !p.equals("/robots.txt")).count()
                + blog.paths().stream().filter(p -> !p.equals("/robots.txt")).count()).isEqualTo(4);
    }
}
