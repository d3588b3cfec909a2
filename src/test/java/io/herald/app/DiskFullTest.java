package io.herald.app;

import io.herald.testing.CrawlerProcess;
import io.herald.testing.TestSite;
import io.herald.testing.TmpfsMount;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The output's or the state's file system fills up in the middle of a crawl (a size-limited tmpfs, filled by the test): the real
 * process reports DOWN on /health with the reason, stops cleanly with exit 1 and one line, leaves only whole lines;
 * the same command on the freed disk then finishes the crawl with every article exactly once.
 */
@ExtendWith(VertxExtension.class)
class DiskFullTest {
    /**
     * Enough pages that the state's log outgrows the last partly filled page of the full tmpfs while the crawl runs
     * (a state write that still fits there succeeds, rightly): with 30, some runs finished before any write failed.
     */
    private static final int ARTICLES = 120;
    private static final Pattern MONITOR = Pattern.compile("monitor on http://127\\.0\\.0\\.1:(\\d+)/health");
    private Vertx vertx;
    /** Story requests after the first {@link #FREE} are held here until the test lets them go, one by one or all. */
    private final Queue<Promise<Void>> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicBoolean holding = new AtomicBoolean(true);
    private static final int FREE = 8;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path tmp;

    private TmpfsMount mount;

    @BeforeEach
    void useVertx(Vertx vertx) {
        this.vertx = vertx; // the site's routes and the releases below run on it; the extension closes it
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (mount != null) {
            mount.close();
        }
    }

    /** @param full which folder is on the small disk: {@code output.dir} or {@code state.dir} */
    @ParameterizedTest
    @ValueSource(strings = {"output.dir", "state.dir"})
    void aDiskFullStopsTheCrawlCleanlyAndTheResumeLosesNothing(String full) throws Exception {
        mount = new TmpfsMount(tmp.resolve("disk"));
        String refused = mount.mount("size=4m");
        Assumptions.assumeTrue(refused == null, () -> "skipped: " + refused);
        TestSite site = startSite();
        Path out = (full.equals("output.dir") ? mount.dir() : tmp).resolve("out");
        Path state = (full.equals("state.dir") ? mount.dir() : tmp).resolve("state");
        Path filler = mount.dir().resolve("filler");
        List<String> command = command(site, out, state);

        Process first = new ProcessBuilder(command).redirectOutput(tmp.resolve("run-0.out").toFile())
                .redirectError(tmp.resolve("run-0.err").toFile()).start();
        List<Integer> healthStatuses = new ArrayList<>();
        String healthBody;
        try {
            int port = monitorPort(tmp.resolve("run-0.out"));
            // Both fetch slots are held: the crawl waits with pages in flight, whatever the machine's speed.
            await().atMost(Duration.ofSeconds(60)).until(() -> held.size() == 2 || !first.isAlive());
            assertThat(first.isAlive()).as("crawling").isTrue();
            assertThat(lines(out).size()).isGreaterThanOrEqualTo(5);
            StartupFaultsTest.fill(filler);
            // Let pages land one at a time, always keeping one held so the stopping crawl stays up while /health is read.
            try {
                healthBody = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (held.size() > 1) {
                        releaseOne();
                    }
                    return health(port, healthStatuses);
                    // the disk check may say DOWN first (no room for its probe); wait for the fault that stops the crawl
                }, body -> body != null && body.contains("No space left on device") && body.contains("\"output\""));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no DOWN; held " + held.size() + ", served " + served.get() + "; log:\n"
                        + Files.readString(tmp.resolve("run-0.out")) + Files.readString(tmp.resolve("run-0.err")), e);
            }
            releaseAll();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stopped after the disk filled").isTrue();
        } finally {
            releaseAll();
            first.destroyForcibly();
        }
        String err = Files.readString(tmp.resolve("run-0.err"));
        assertThat(first.exitValue()).as("stderr: %s", err).isEqualTo(1);
        assertThat(err.lines().toList()).singleElement().asString()
                .startsWith("herald: stopped: " + full + " " + (full.equals("output.dir") ? out : state) + " is full (")
                .contains("No space left on device")
                .endsWith("): free some space, then run the same command to resume (nothing is lost)");
        assertThat(healthStatuses).contains(503);
        assertThat(new JsonObject(healthBody).getJsonArray("checks").stream().map(Object::toString).toList())
                .anySatisfy(check -> assertThat(check).contains("\"id\":\"output\"", "DOWN", full, "No space left on device"));
        List<String> before = lines(out);
        assertThat(before.size()).isBetween(5, ARTICLES - 1);
        assertWholeLines(out);

        Files.delete(filler); // the operator frees some space and runs the same command
        Process second = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("run-1.log").toFile()).start();
        try {
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("resumed run finished").isTrue();
            assertThat(second.exitValue()).as("log: %s", Files.readString(tmp.resolve("run-1.log"))).isZero();
        } finally {
            second.destroyForcibly();
        }
        List<String> urls = lines(out).stream().map(l -> new JsonObject(l).getString("url")).toList();
        Set<String> expected = IntStream.range(0, ARTICLES).mapToObj(i -> site.url("/story/" + i))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(urls)).isEqualTo(expected);
        assertThat(urls).as("no article twice").hasSize(ARTICLES);
        assertWholeLines(out);
    }

    private TestSite startSite() throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.13").start().await(10, TimeUnit.SECONDS);
        for (int i = 0; i < ARTICLES; i++) {
            // about 10 KB a line: the disk fills in the middle of a line
            String html = TestSite.article("Story " + i, ("Story number " + i + " begins. ").repeat(400));
            site.route("/story/" + i, req -> {
                Future<Void> due = Future.succeededFuture();
                if (holding.get() && served.incrementAndGet() > FREE) {
                    Promise<Void> gate = Promise.promise();
                    held.add(gate);
                    due = gate.future();
                }
                due.onComplete(ar -> req.response().putHeader("content-type", "text/html; charset=utf-8").end(html));
            });
        }
        site.html("/", TestSite.storyIndex(ARTICLES));
        return site;
    }

    private void releaseOne() {
        Promise<Void> gate = held.poll();
        if (gate != null) {
            vertx.runOnContext(v -> gate.tryComplete());
        }
    }

    /** Lets every held page go and serves all later ones at once (the resumed run is not held). */
    private void releaseAll() {
        holding.set(false);
        for (Promise<Void> gate = held.poll(); gate != null; gate = held.poll()) {
            Promise<Void> g = gate;
            vertx.runOnContext(v -> g.tryComplete());
        }
    }

    private List<String> command(TestSite site, Path out, Path state) throws IOException {
        Path conf = tmp.resolve("crawl.yaml");
        Files.writeString(conf, String.join("\n",
                "crawl: {name: disk-full-test, seeds: ['" + site.url("/") + "']}",
                "politeness: {delay: 0ms, perHostConcurrency: 2, adaptiveFactor: 0}",
                "fetch: {concurrency: 2}",
                "extract: {minWords: 30}",
                "output: {dir: '" + out + "'}",
                "state: {dir: '" + state + "', checkpointInterval: 200ms, cacheSize: 1MB}",
                "monitor: {port: 0, progressInterval: 0}", ""));
        return CrawlerProcess.command(List.of("-Xmx128m"), "crawl", "-c", conf.toString());
    }

    // a bound, not a sync: a JVM started on a busy 2-core machine has taken over 10 s to open its monitor
    private static int monitorPort(Path log) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Matcher m = MONITOR.matcher(Files.readString(log));
            return m.find() ? Integer.parseInt(m.group(1)) : null;
        }, p -> p != null);
    }

    private String health(int port, List<Integer> statuses) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            statuses.add(r.statusCode());
            return r.body();
        } catch (IOException | InterruptedException gone) {
            return null;
        }
    }

    private static void assertWholeLines(Path out) throws IOException {
        for (Path file : CrawlSummary.articleFiles(out)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as("%s ends with a whole line", file).endsWith("\n");
            text.lines().forEach(line -> assertThat(new JsonObject(line).getString("schema")).isEqualTo("herald.article/1"));
        }
    }

    private static List<String> lines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(out)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return lines;
    }
}
