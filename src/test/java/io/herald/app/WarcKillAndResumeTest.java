package io.herald.app;

import io.herald.testing.CrawlerProcess;
import io.herald.testing.TestSite;
import io.herald.testing.WarcFiles;
import io.herald.testing.WarcFiles.Read;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link KillAndResumeTest} with {@code output.warc} on and small WARC files: the real process is SIGKILLed at random
 * moments and restarted; at the end every WARC file reads clean with jwarc (a torn tail was cut at each restart), and
 * every article line names a whole response record of its own URL. The seed is printed ({@code -Dkill.seed=N}).
 */
class WarcKillAndResumeTest {
    private static final int ARTICLES = 40;
    private static final int KILLS = 3;
    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void everyLineNamesAWholeRecordAfterRepeatedKills() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        System.out.println("WarcKillAndResumeTest seed " + seed);
        Random random = new Random(seed);
        TestSite site = startSite();
        Path out = tmp.resolve("out");
        List<String> command = command(site, out);
        for (int kill = 0; kill < KILLS; kill++) {
            Process process = start(command, kill);
            try {
                int target = lines(out).size() + 1 + random.nextInt(8);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                        .until(() -> lines(out).size() >= target || !process.isAlive());
                assertThat(process.waitFor(random.nextInt(150), TimeUnit.MILLISECONDS))
                        .as("run %d still crawling when killed", kill).isFalse();
            } finally {
                process.destroyForcibly(); // SIGKILL: no close, so a WARC write may be cut in the middle
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        Process last = start(command, KILLS);
        try {
            assertThat(last.waitFor(40, TimeUnit.SECONDS)).as("last run finished").isTrue();
            assertThat(last.exitValue()).isZero();
        } finally {
            last.destroyForcibly();
        }

        List<JsonObject> articles = lines(out).stream().map(JsonObject::new).toList();
        Set<String> expected = IntStream.range(0, ARTICLES).mapToObj(i -> site.url("/story/" + i))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> written = new TreeSet<>(articles.stream().map(a -> a.getString("url")).toList());
        assertThat(written).isEqualTo(expected);
        List<Path> warcs;
        try (Stream<Path> files = Files.list(out)) {
            warcs = files.filter(f -> f.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
        assertThat(warcs).hasSizeGreaterThan(KILLS);
        List<Read> records = WarcFiles.readAll(warcs); // throws on a torn or broken record
        assertThat(records.stream().filter(r -> r.type().equals("response")).map(Read::target).collect(Collectors.toSet()))
                .containsAll(expected);
        for (JsonObject article : articles) {
            JsonObject warc = article.getJsonObject("warc");
            Read record = WarcFiles.readAt(out.resolve(warc.getString("file")), warc.getLong("offset"));
            assertThat(record.type()).isEqualTo("response");
            assertThat(record.target()).isEqualTo(article.getString("url"));
        }
    }

    private TestSite startSite() throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.13").start().await(10, TimeUnit.SECONDS);
        for (int i = 0; i < ARTICLES; i++) {
            site.slowHtml("/story/" + i, 100, TestSite.article("Story " + i, "Story number " + i + " begins.",
                    "/story/" + (i + 1) % ARTICLES));
        }
        site.html("/", TestSite.storyIndex(ARTICLES));
        return site;
    }

    private List<String> command(TestSite site, Path out) throws IOException {
        Path conf = tmp.resolve("crawl.yaml");
        Files.writeString(conf, String.join("\n",
                "crawl: {name: warc-kill-test, seeds: ['" + site.url("/") + "']}",
                "politeness: {delay: 0ms, perHostConcurrency: 3}",
                "fetch: {concurrency: 3}",
                "extract: {minWords: 30}",
                "output: {dir: '" + out + "', warc: true, warcMaxBytes: 8KB}",
                "state: {dir: '" + tmp.resolve("state") + "', checkpointInterval: 200ms}",
                "monitor: {enabled: false, progressInterval: 0}", ""));
        return CrawlerProcess.command(List.of("-Xmx128m"), "crawl", "-c", conf.toString());
    }

    private Process start(List<String> command, int run) throws IOException {
        return CrawlerProcess.start(command, tmp.resolve("run-" + run + ".log"));
    }

    /** Every line of the (plain) article files. */
    private static List<String> lines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(out)) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines;
    }
}
