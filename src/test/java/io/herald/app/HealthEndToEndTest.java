package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.FetchConfig;
import io.herald.config.StateConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.herald.testing.TmpfsMount;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Assumptions;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /health on a running crawl: it goes 503 with the right check and reason when the only site stops answering while
 * work is queued, when the output folder's free space drops below monitor.minFreeDisk, and when the folder becomes
 * read-only; and back to 200 when the cause goes away.
 */
@ExtendWith(VertxExtension.class)
class HealthEndToEndTest {
    private static final String TOKEN = "health-test-token-0123";
    private static final int ARTICLES = 40;
    private static final long MB = 1024 * 1024;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void startSite(Vertx vertx) throws Exception {
        site = new TestSite(vertx, "127.0.0.24").start().await(10, TimeUnit.SECONDS);
        StringBuilder front = new StringBuilder("<html><head><title>Front</title></head><body><ul>");
        for (int i = 1; i <= ARTICLES; i++) {
            front.append("<li><a href=\"/a").append(i).append("\">Headline ").append(i).append("</a></li>");
            String page = TestSite.article("Story " + i, "Story " + i + " begins here.");
            // a site that stops answering: the request is held, unanswered, until the fetch times out
            site.route("/a" + i, req -> {
                if (answering.get()) {
                    req.response().putHeader("content-type", "text/html; charset=utf-8").end(page);
                }
            });
        }
        site.html("/", front.append("</ul></body></html>").toString());
    }

    private CrawlConfig config(Path out, Duration delay, Duration stallAfter, long minFreeDisk) {
        FetchConfig fetch = new FetchConfig(4, Duration.ofMillis(500), Duration.ofMillis(500), 1 << 20, 3, 1,
                Duration.ofMillis(100));
        return TestConfigs.crawl(List.of(site.url("/")), TestConfigs.politeness(delay, 1), fetch, out, 5, 10_000,
                TestConfigs.monitor(stallAfter, minFreeDisk, TOKEN), StateConfig.memory());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls /health until it answers {@code code}; returns the named check from the body. */
    private JsonObject awaitHealth(int port, int code, String check) {
        String body = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> r = get(port, "/health");
            return r.statusCode() == code ? r.body() : null;
        }, b -> b != null);
        JsonObject health = new JsonObject(body);
        assertThat(health.getString("status")).isEqualTo(code == 200 ? "UP" : "DOWN");
        return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals(check)).findFirst().orElseThrow();
    }

    private long pageHits() {
        return site.paths().stream().filter(p -> p.startsWith("/a")).count();
    }

    @Test
    void theOnlySiteStoppingWhileWorkIsQueuedIsAStallUntilItAnswersAgain() throws Exception {
        CrawlRunner runner = TestRunners.standalone(config(tmp.resolve("out"), Duration.ofMillis(100), Duration.ofSeconds(1), 0));
        CompletableFuture<CrawlSummary> run = runner.run();
        await().atMost(Duration.ofSeconds(30)).until(() -> pageHits() >= 3);
        int port = runner.monitorPort();
        assertThat(awaitHealth(port, 200, "progress").getString("status")).isEqualTo("UP");

        answering.set(false);
        JsonObject stalled = awaitHealth(port, 503, "progress");
        assertThat(stalled.getString("status")).isEqualTo("DOWN");
        assertThat(stalled.getJsonObject("data").getString("reason")).startsWith("stalled: no page fetched for ");
        assertThat(stalled.getJsonObject("data").getLong("queued")).isPositive();
        assertThat(get(port, "/health/ready").statusCode()).isEqualTo(503);
        assertThat(get(port, "/health/live").statusCode()).as("the process itself is alive").isEqualTo(200);

        answering.set(true);
        assertThat(awaitHealth(port, 200, "progress").getString("status")).isEqualTo("UP");
        assertThat(run.get(60, TimeUnit.SECONDS).reason()).isEqualTo("frontier exhausted");
    }

    @Test
    void aSlowPoliteCrawlIsNotAStall() throws Exception {
        // the delay (1.5s) is longer than stallAfter (1s): the host is waited on, not stalled
        CrawlRunner runner = TestRunners.standalone(config(tmp.resolve("out"), Duration.ofMillis(1500), Duration.ofSeconds(1), 0));
        CompletableFuture<CrawlSummary> run = runner.run();
        await().atMost(Duration.ofSeconds(30)).until(() -> pageHits() >= 1);
        int port = runner.monitorPort();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(port, "/health").statusCode() == 200);
        assertThat(pageHits()).as("requests went on during the check").isGreaterThanOrEqualTo(2);
        runner.requestStop();
        run.get(60, TimeUnit.SECONDS);
    }

    @Test
    void lowFreeSpaceAndAReadOnlyOutputFolderAreDownUntilMended() throws Exception {
        try (TmpfsMount disk = new TmpfsMount(tmp.resolve("out"))) {
            String refused = disk.mount("size=16m");
            Assumptions.assumeTrue(refused == null, () -> "skipped: " + refused);
            CrawlRunner runner = TestRunners.standalone(config(disk.dir(), Duration.ofMillis(100), Duration.ofMinutes(1), 4 * MB));
            CompletableFuture<CrawlSummary> run = runner.run();
            await().atMost(Duration.ofSeconds(30)).until(() -> pageHits() >= 2);
            int port = runner.monitorPort();
            assertThat(pause(port)).isEqualTo(200); // the crawl must not end while the disk is checked
            assertThat(awaitHealth(port, 200, "disk").getString("status")).isEqualTo("UP");

            Path filler = disk.dir().resolve("filler");
            Files.write(filler, new byte[(int) (13 * MB)]);
            assertThat(awaitHealth(port, 503, "disk").getJsonObject("data").getString("reason"))
                    .startsWith("output.dir " + disk.dir()).endsWith("MB free, below monitor.minFreeDisk (4 MB)");
            Files.delete(filler);
            awaitHealth(port, 200, "disk");

            try (ReadOnlyBind readOnly = new ReadOnlyBind(disk.dir())) {
                assertThat(awaitHealth(port, 503, "disk").getJsonObject("data").getString("reason"))
                        .startsWith("output.dir " + disk.dir() + " is not writable").contains("Read-only file system");
            }
            awaitHealth(port, 200, "disk");
            runner.requestStop();
            assertThat(run.get(60, TimeUnit.SECONDS).reason()).isEqualTo("stopped");
        }
    }

    private int pause(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/control/pause"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * A read-only bind mount over a folder: new files cannot be made there (even by root), while files the crawl
     * already has open stay writable, as when an operator remounts a volume read-only under a running process.
     */
    private static final class ReadOnlyBind implements AutoCloseable {
        private final Path dir;

        ReadOnlyBind(Path dir) throws IOException, InterruptedException {
            this.dir = dir;
            run("mount", "--bind", dir.toString(), dir.toString());
            run("mount", "-o", "remount,bind,ro", dir.toString());
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run("umount", dir.toString());
        }

        private static void run(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + said);
            }
        }
    }
}
