package io.herald.monitor;

import io.herald.app.CrawlRunner;
import io.herald.app.CrawlSummary;
import io.herald.config.CrawlConfig;
import io.herald.config.FetchConfig;
import io.herald.config.MonitorConfig;
import io.herald.testing.PrometheusText;
import io.herald.testing.PrometheusText.Sample;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.herald.testing.ConfigSections.withMonitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /metrics of a real crawl against local sites, read with a strict parser while the crawl is held still (one page
 * request is kept open by its server): its counters equal what /status says at that moment and, once the held page
 * ends, what the summary says; names follow Prometheus conventions; no series is labelled per host unless asked.
 */
class MetricsEndpointTest {
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private CompletableFuture<HttpServerRequest> held = new CompletableFuture<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() throws Exception {
        held.thenAccept(req -> req.response().end()); // a failed test must not leave the crawl's slot hanging
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    @Test
    void countersMatchStatusAndSummaryAndNamesFollowConventions() throws Exception {
        TestSite news = site("127.0.0.21");
        TestSite blog = site("127.0.0.22");
        news.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        news.html("/", TestSite.frontPage("/a1", "/a2", "/a3", "/private/x", "/missing", "/hold"));
        for (int i = 1; i <= 3; i++) {
            news.html("/a" + i, TestSite.article("Story " + i, "Story " + i + " begins here.", "/a1"));
        }
        news.route("/hold", held::complete);
        blog.html("/", TestSite.frontPage("/b1", "/b2"));
        blog.html("/b1", TestSite.article("Post 1", "Post one begins here.", "/b2"));
        blog.html("/b2", TestSite.article("Post 2", "Post two begins here.", "/b1"));
        CrawlRunner runner = TestRunners.standalone(config(List.of(news.url("/"), blog.url("/")), 0));
        CompletableFuture<CrawlSummary> run = runner.run();
        String base = monitor(runner);

        JsonObject status = awaitHeldStill(base);
        PrometheusText metrics = PrometheusText.parse(get(base + "/metrics"));
        JsonObject statusAfter = get(base + "/status").transform(JsonObject::new);
        assertThat(statusAfter.getLong("pagesFetched")).as("the crawl moved while scraped").isEqualTo(status.getLong("pagesFetched"));

        double pages = metrics.sum("herald_fetch_outcomes_total",
                s -> s.label("kind").equals("page") && !s.label("outcome").startsWith("network_"));
        assertThat(pages).isEqualTo(status.getLong("pagesFetched").doubleValue()).isEqualTo(8); // 2 fronts, 5 articles, 1 404
        assertThat(metrics.value("herald_sink_articles_total", "result", "written"))
                .isEqualTo(status.getLong("articlesWritten").doubleValue()).isEqualTo(5);
        status.getJsonObject("pageOutcomes").forEach(e -> assertThat(metrics.value("herald_fetch_outcomes_total",
                "kind", "page", "outcome", e.getKey())).as(e.getKey()).isEqualTo(((Number) e.getValue()).doubleValue()));
        status.getJsonObject("robotsOutcomes").forEach(e -> assertThat(metrics.value("herald_fetch_outcomes_total",
                "kind", "robots", "outcome", e.getKey())).as(e.getKey()).isEqualTo(((Number) e.getValue()).doubleValue()));
        status.getJsonObject("urls").forEach(e -> assertThat(metrics.value("herald_frontier_urls_total",
                "event", e.getKey())).as(e.getKey()).isEqualTo(((Number) e.getValue()).doubleValue()));
        status.getJsonObject("extracted").forEach(e -> assertThat(metrics.value("herald_extract_pages_total",
                "type", e.getKey())).as(e.getKey()).isEqualTo(((Number) e.getValue()).doubleValue()));
        assertThat(metrics.value("herald_fetch_responses_total", "kind", "page", "status_class", "4xx")).isEqualTo(1);
        assertThat(metrics.value("herald_fetch_responses_total", "kind", "page", "status_class", "2xx")).isEqualTo(7);
        assertThat(metrics.value("herald_fetch_duration_seconds_count", "kind", "page")).isEqualTo(8);
        assertThat(metrics.value("herald_fetch_body_bytes_count", "kind", "page")).isEqualTo(7);
        assertThat(metrics.value("herald_fetch_body_bytes_sum", "kind", "page")).isGreaterThan(7 * 500);
        assertThat(metrics.value("herald_fetch_slot_wait_seconds_count")).isGreaterThanOrEqualTo(9); // 8 pages, robots, /hold
        assertThat(metrics.value("herald_extract_article_fields_total", "field", "title"))
                .isEqualTo(status.getLong("articlesWritten").doubleValue());
        JsonObject frontier = status.getJsonObject("frontier");
        assertThat(metrics.value("herald_frontier_queued")).isEqualTo(frontier.getLong("queued").doubleValue()).isZero();
        assertThat(metrics.value("herald_frontier_in_flight", "kind", "page")).isEqualTo(1);
        assertThat(metrics.value("herald_hosts_known")).isEqualTo(2);
        assertThat(metrics.value("herald_hosts", "state", "active")).isEqualTo(1); // the held page's host
        assertThat(metrics.value("herald_hosts", "state", "idle")).isEqualTo(1);
        assertThat(metrics.value("herald_sink_unsynced_articles")).isBetween(0.0, 5.0);
        assertConventions(metrics);

        held.get(10, TimeUnit.SECONDS).response().putHeader("content-type", "text/html").end("<html><body>late</body></html>");
        CrawlSummary summary = run.get(60, TimeUnit.SECONDS);
        assertThat(summary.pages()).isEqualTo((long) pages + 1);
        assertThat(summary.articles()).isEqualTo(5);
    }

    @Test
    void manyHostsGiveNoHostLabelUnlessTopHostsIsSet() throws Exception {
        List<TestSite> sites = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestSite site = site("127.0.1." + (10 + i));
            site.html("/", TestSite.article("Host " + i, "Host " + i + " front story begins here."));
            sites.add(site);
        }
        sites.get(0).html("/", TestSite.frontPage("/hold")).route("/hold", req -> held.complete(req));
        List<String> seeds = sites.stream().map(s -> s.url("/")).toList();
        Set<String> addresses = sites.stream().map(s -> URI.create(s.base()).getHost()).collect(Collectors.toSet());

        PrometheusText off = scrapeHeld(seeds, 0);
        assertThat(off.samples()).allSatisfy(s -> assertThat(s.labels()).doesNotContainKey("host")
                .allSatisfy((k, v) -> assertThat(addresses).as("label %s=%s of %s", k, v, s.name()).noneMatch(v::contains)));
        assertThat(off.value("herald_hosts_known")).isEqualTo(50);

        PrometheusText top = scrapeHeld(seeds, 5);
        Set<String> hostValues = top.samples().stream().filter(s -> s.labels().containsKey("host"))
                .map(s -> s.label("host")).collect(Collectors.toSet());
        assertThat(hostValues).hasSize(5);
        assertThat(top.named("herald_host_requests")).hasSize(5).allSatisfy(s -> assertThat(s.value()).isGreaterThanOrEqualTo(1));
        assertThat(top.samples().stream().filter(s -> !s.name().startsWith("herald_host_")))
                .allSatisfy(s -> assertThat(s.labels()).doesNotContainKey("host"));
    }

    /** Counters end in _total, durations and sizes are in base units, and every family has one TYPE. */
    private static void assertConventions(PrometheusText metrics) {
        metrics.types().forEach((family, type) -> {
            if (family.startsWith("herald_")) {
                assertThat(family).matches("[a-z][a-z0-9_]*");
                if (type.equals("counter")) { // the 0.0.4 text format names a counter's family with its _total
                    assertThat(family).endsWith("_total").doesNotEndWith("_total_total");
                    assertThat(metrics.named(family)).as(family).isNotEmpty();
                }
                if (!type.equals("counter")) {
                    assertThat(family).doesNotEndWith("_total");
                }
                if (type.equals("histogram") || type.equals("summary")) {
                    assertThat(family).matches(".*_(seconds|bytes)");
                }
                assertThat(family).doesNotContain("millis").doesNotContain("_ms");
            }
        });
        assertThat(metrics.types()).containsEntry("herald_fetch_duration_seconds", "histogram")
                .containsEntry("herald_fetch_slot_wait_seconds", "histogram")
                .containsEntry("herald_fetch_body_bytes", "histogram")
                .containsEntry("herald_fetch_outcomes_total", "counter")
                .containsEntry("herald_frontier_queued", "gauge")
                .doesNotContainKey("herald_extract_fields_total"); // per host, for /status only
        assertThat(metrics.named("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(metrics.samples()).anyMatch(s -> s.name().startsWith("vertx_"));
    }

    private PrometheusText scrapeHeld(List<String> seeds, int topHosts) throws Exception {
        CrawlRunner runner = TestRunners.standalone(withMonitor(config(seeds, topHosts),
                new MonitorConfig(true, "127.0.0.1", 0, Duration.ZERO, topHosts)));
        CompletableFuture<CrawlSummary> run = runner.run();
        String base = monitor(runner);
        awaitHeldStill(base);
        PrometheusText metrics = PrometheusText.parse(get(base + "/metrics"));
        runner.requestStop();
        held.get(10, TimeUnit.SECONDS).response().end();
        run.get(60, TimeUnit.SECONDS);
        held = new CompletableFuture<>(); // the next crawl's /hold is held anew
        return metrics;
    }

    /** Waits until the held request is the only work left, the crawl's counters no longer moving. */
    private JsonObject awaitHeldStill(String base) {
        JsonObject[] status = new JsonObject[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonObject s = new JsonObject(get(base + "/status"));
            JsonObject f = s.getJsonObject("frontier");
            boolean still = held.isDone() && f.getLong("queued") == 0 && f.getInteger("pagesInFlight") == 1
                    && f.getInteger("robotsInFlight") == 0 && status[0] != null
                    && status[0].getLong("pagesFetched").equals(s.getLong("pagesFetched"))
                    && status[0].getLong("articlesWritten").equals(s.getLong("articlesWritten"));
            status[0] = s;
            return still;
        });
        return status[0];
    }

    private CrawlConfig config(List<String> seeds, int topHosts) {
        FetchConfig fetch = TestConfigs.fetch();
        FetchConfig patient = new FetchConfig(fetch.concurrency(), fetch.connectTimeout(), Duration.ofSeconds(60),
                fetch.maxBodySize(), fetch.maxRedirects(), fetch.retries(), fetch.retryBackoff());
        return withMonitor(TestConfigs.crawl(seeds, TestConfigs.politeness(Duration.ZERO, 1), patient,
                tmp.resolve("out-" + topHosts), 3, 1000), new MonitorConfig(true, "127.0.0.1", 0, Duration.ZERO, topHosts));
    }

    private String monitor(CrawlRunner runner) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runner.monitorPort() > 0);
        return "http://127.0.0.1:" + runner.monitorPort();
    }

    private TestSite site(String address) throws Exception {
        return new TestSite(vertx, address).start().await(20, TimeUnit.SECONDS);
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
