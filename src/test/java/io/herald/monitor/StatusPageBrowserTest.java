package io.herald.monitor;

import io.herald.app.CrawlRunner;
import io.herald.config.CrawlConfig;
import io.herald.config.FetchConfig;
import io.herald.config.MonitorConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.stream.IntStream;

import static io.herald.testing.ConfigSections.withMonitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status page in a real headless Chromium (Debian's chromium and chromedriver, driven by Selenium): while a
 * crawl of four local hosts is held in a steady state (one host's story pages are held by its server, so nothing
 * changes), the numbers the page shows are the numbers {@code /status} and {@code /health} give, the host table
 * pages, and a 404 and an untrusted URL show up, as text, among the recent errors.
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int STORIES = 6;
    /** A link with markup in its path (the crawler percent-encodes it: URLs reach the page as text either way). */
    private static final String HOSTILE = "/missing/<b>bold</b>";

    /** A fetch timeout far longer than the test: a held page stays in flight, it does not time out and retry. */
    private static final FetchConfig HOLDING = new FetchConfig(8, Duration.ofSeconds(2), Duration.ofMinutes(10), 1 << 20,
            3, 1, Duration.ofMillis(200));

    private final Vertx vertx = Vertx.vertx();
    private final Queue<Promise<Void>> held = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean holding = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private CrawlRunner runner;
    private volatile CompletableFuture<?> run;
    private WebDriver browser;

    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (runner != null) {
            runner.requestStop();
        }
        holding.set(false);
        // released until the crawl ends: a request may have been held just as holding stopped
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (Promise<Void> gate = held.poll(); gate != null; gate = held.poll()) {
                Promise<Void> g = gate;
                vertx.runOnContext(v -> g.tryComplete());
            }
            return run == null || run.isDone();
        });
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void thePageShowsWhatStatusSays() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: no headless browser: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
                        + "(apt-get install chromium chromium-driver; .ci/run installs them when it can)");
        TestSite held = heldSite();
        List<TestSite> others = List.of(site("127.0.0.32", true), site("127.0.0.33", false), site("127.0.0.34", false));
        CrawlConfig config = withMonitor(TestConfigs.crawl(List.of(held.url("/"), others.get(0).url("/"),
                        others.get(1).url("/"), others.get(2).url("/")), TestConfigs.politeness(Duration.ZERO, 2), HOLDING,
                        tmp.resolve("out"), 10, 10_000),
                new MonitorConfig(true, "127.0.0.1", 0, Duration.ZERO));
        runner = TestRunners.standalone(config);
        run = runner.run();
        await().atMost(Duration.ofSeconds(20)).until(() -> runner.monitorPort() > 0);
        String base = "http://127.0.0.1:" + runner.monitorPort();

        // Steady: the held host's two slots wait on its server, its other stories are queued, the rest is done.
        JsonObject status = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> json(base + "/status"), s -> steady(s.getJsonObject("frontier")));
        assertThat(status.getLong("pagesFetched")).as("4 front pages, 3 articles, 2 missing pages: %s", status.encodePrettily())
                .isEqualTo(9);
        assertThat(status.getLong("articlesWritten")).isEqualTo(3);
        assertThat(status.getJsonObject("frontier").getLong("queued")).isEqualTo(STORIES - 2);

        browser = chromium();
        browser.get(base + "/?every=200&hosts=3");
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    text("pages-fetched").equals("9") && rows("#errors tbody tr").size() == 2
                            && !text("rate-pages").equals("–")); // a rate needs two polls: the first one shows "–"
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the page did not show the steady state: " + browser.getPageSource()
                    + "\nbrowser log: " + browser.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
        status = json(base + "/status"); // unchanged since the steady state, read after the page showed it
        JsonObject frontier = status.getJsonObject("frontier");
        assertThat(Map.of("pages-fetched", text("pages-fetched"), "articles-written", text("articles-written"),
                "queued", text("queued"), "seen", text("seen"), "in-flight", text("in-flight"),
                "host-count", text("host-count"), "total-pages-fetched", text("total-pages-fetched"),
                "total-runs", text("total-runs")))
                .isEqualTo(Map.of("pages-fetched", "" + status.getLong("pagesFetched"),
                        "articles-written", "" + status.getLong("articlesWritten"),
                        "queued", "" + frontier.getLong("queued"), "seen", "" + frontier.getLong("seen"),
                        "in-flight", "" + frontier.getLong("pagesInFlight"), "host-count", "4",
                        "total-pages-fetched", "9", "total-runs", "1"));
        assertThat(text("rate-pages")).as("nothing moves while the pages are held").isEqualTo("0.0");
        assertThat(text("health")).isEqualTo(json(base + "/health").getString("status")).isEqualTo("UP");

        List<String> hostKeys = frontier.getJsonObject("hosts").fieldNames().stream().sorted().toList();
        assertThat(hostKeys).hasSize(4);
        assertThat(hostRows()).containsExactlyElementsOf(expectedRows(frontier, hostKeys.subList(0, 3)));
        assertThat(text("hosts-page")).isEqualTo("page 1 of 2");
        browser.findElement(By.id("hosts-next")).click();
        assertThat(hostRows()).containsExactlyElementsOf(expectedRows(frontier, hostKeys.subList(3, 4)));
        assertThat(text("hosts-page")).isEqualTo("page 2 of 2");
        assertThat(browser.findElement(By.id("hosts-next")).isEnabled()).isFalse();

        JsonArray errors = status.getJsonArray("recentErrors");
        List<List<String>> shown = rows("#errors tbody tr");
        assertThat(shown).hasSize(errors.size()).hasSize(2);
        for (int i = 0; i < errors.size(); i++) {
            JsonObject e = errors.getJsonObject(i);
            assertThat(shown.get(i)).containsExactly(e.getString("at"), "http_404", "page", e.getString("url"));
        }
        assertThat(shown.stream().map(r -> r.get(3)).toList())
                .containsExactlyInAnyOrder(others.get(0).url("/missing"), others.get(0).url("/missing/%3Cb%3Ebold%3C/b%3E"));
        assertThat(browser.findElements(By.cssSelector("#errors img, #errors b"))).as("URLs shown as text").isEmpty();
    }

    private boolean steady(JsonObject frontier) {
        return held.size() == 2 && frontier.getLong("queued") == STORIES - 2 && frontier.getLong("pagesInFlight") == 2
                && frontier.getLong("robotsInFlight") == 0 && frontier.getLong("hostCount") == 4
                && frontier.getJsonObject("hosts").stream().allMatch(h -> h.getValue() instanceof JsonObject host
                        && host.getLong("inFlight") == (h.getKey().contains("127.0.0.31") ? 2 : 0));
    }

    private static List<List<String>> expectedRows(JsonObject frontier, List<String> keys) {
        return keys.stream().map(key -> {
            JsonObject h = frontier.getJsonObject("hosts").getJsonObject(key);
            return List.of(key, "" + h.getLong("queued"), "" + h.getLong("requests"),
                    h.getLong("inFlight") + " / " + h.getLong("maxInFlight"), "" + h.getLong("delayMs"),
                    h.getJsonObject("robots").getString("state"), String.valueOf(h.getString("lastOutcome")),
                    "" + h.getLong("consecutiveFailures"), h.getString("skipped") == null ? "" : h.getString("skipped"));
        }).toList();
    }

    private List<List<String>> hostRows() {
        return rows("#hosts tbody tr");
    }

    /** The cells of the rows, read in one script: the page re-renders its tables on every poll. */
    @SuppressWarnings("unchecked")
    private List<List<String>> rows(String selector) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript("return Array.from("
                + "document.querySelectorAll(arguments[0]), r => Array.from(r.cells, c => c.textContent))", selector);
    }

    private String text(String id) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById(arguments[0]).textContent", id);
    }

    /** A host whose front page links to stories its server holds until the test ends. */
    private TestSite heldSite() throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.31");
        IntStream.range(0, STORIES).forEach(i -> {
            site.route("/story/" + i, req -> {
                Promise<Void> gate = Promise.promise();
                if (holding.get()) {
                    held.add(gate);
                } else {
                    gate.complete();
                }
                gate.future().onComplete(ar -> req.response().putHeader("content-type", "text/html; charset=utf-8")
                        .end(TestSite.article("Story " + i, "Story " + i + " begins.")));
            });
        });
        site.html("/", TestSite.storyIndex(STORIES));
        return start(site);
    }

    /** A host with one article; {@code broken} also links to two missing pages, one with markup in its URL. */
    private TestSite site(String address, boolean broken) throws Exception {
        TestSite site = new TestSite(vertx, address);
        String links = "<a href=\"/a1\">The story</a>" + (broken ? "<a href=\"/missing\">gone</a><a href=\""
                + HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "\">odd</a>" : "");
        site.html("/", "<html><body>" + links + "</body></html>");
        site.html("/a1", TestSite.article("News from " + address, "Something happened at " + address + "."));
        return start(site);
    }

    private static TestSite start(TestSite site) throws Exception {
        return site.start().await(10, TimeUnit.SECONDS);
    }

    private JsonObject json(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body());
    }

    /** Debian's headless Chromium, kept off the network: it gets only loopback here and must not try public hosts. */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + tmpProfile(),
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Path tmpProfile() {
        try {
            return Files.createTempDirectory("herald-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
