package io.herald.app;

import io.herald.testing.CrawlerProcess;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: the real crawler process is killed with SIGKILL at random moments, restarted with the same
 * command each time, and finally allowed to finish. The output must then hold every article of the site
 * exactly once, every line whole, with rotation by time and gzip on (so kills also land in the middle of a
 * rotation or a compression). The seed is printed, so a failure can be replayed with {@code -Dkill.seed=N}.
 */
@ExtendWith(VertxExtension.class)
class KillAndResumeTest {
    private static final int ARTICLES = 60;
    private static final int KILLS = 4;

    @TempDir
    Path tmp;

    @Test
    void everyArticleExactlyOnceAfterRepeatedKills(Vertx vertx) throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        System.out.println("KillAndResumeTest seed " + seed);
        Random random = new Random(seed);
        TestSite site = startSite(vertx);
        Path out = tmp.resolve("out");
        List<String> command = command(site, out);

        List<Integer> linesAtKill = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process process = start(command, kill);
            try {
                // a random moment in the crawl: after a few more articles, plus a random fraction of a page
                int target = readLines(out).size() + 1 + random.nextInt(12);
                try {
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                            .until(() -> readLines(out).size() >= target || !process.isAlive());
                } catch (ConditionTimeoutException stalled) {
                    throw new AssertionError("run " + kill + " wrote no article for 30 s; its log:\n" + log(kill), stalled);
                }
                assertThat(process.waitFor(random.nextInt(250), TimeUnit.MILLISECONDS))
                        .as("run %d still crawling when killed", kill).isFalse();
            } finally {
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final checkpoint
                process.waitFor(10, TimeUnit.SECONDS);
            }
            linesAtKill.add(readLines(out).size());
        }
        Process last = start(command, KILLS);
        try {
            assertThat(last.waitFor(40, TimeUnit.SECONDS)).as("last run finished; its log:%n%s", log(KILLS)).isTrue();
            assertThat(last.exitValue()).isZero();
        } finally {
            last.destroyForcibly();
        }

        List<String> lines = readLines(out);
        List<String> urls = lines.stream().map(l -> new JsonObject(l).getString("url")).toList();
        Set<String> expected = IntStream.range(0, ARTICLES).mapToObj(i -> site.url("/story/" + i))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(urls)).as("lines at each kill: %s", linesAtKill).isEqualTo(expected);
        assertThat(urls).as("no article written twice").hasSize(ARTICLES);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.equals("summary.json") || name.matches("articles-\\d{4}\\.jsonl\\.gz"));
        }
        assertThat(linesAtKill).as("each kill came after more articles").isSorted().last().isNotEqualTo(ARTICLES);
        JsonObject total = new JsonObject(Files.readString(out.resolve("summary.json"))).getJsonObject("total");
        assertThat(total.getLong("runs")).isEqualTo(KILLS + 1);
        assertThat(total.getLong("articlesWritten")).as("the crawl's articles are the output's lines").isEqualTo(ARTICLES);
    }

    private TestSite startSite(Vertx vertx) throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.12").start().await(10, TimeUnit.SECONDS);
        for (int i = 0; i < ARTICLES; i++) {
            site.slowHtml("/story/" + i, 120, TestSite.article("Story " + i, "Story number " + i + " begins.",
                    "/story/" + (i + 1) % ARTICLES, "/story/" + (i * 7) % ARTICLES));
        }
        site.html("/", TestSite.storyIndex(ARTICLES));
        return site;
    }

    private List<String> command(TestSite site, Path out) throws IOException {
        Path conf = tmp.resolve("crawl.yaml");
        Files.writeString(conf, String.join("\n",
                "crawl: {name: kill-test, seeds: ['" + site.url("/") + "']}",
                "politeness: {delay: 0ms, perHostConcurrency: 3}",
                "fetch: {concurrency: 3}",
                "extract: {minWords: 30}",
                "output: {dir: '" + out + "', rotateInterval: 1s, gzip: true}",
                "state: {dir: '" + tmp.resolve("state") + "', checkpointInterval: 200ms}",
                "monitor: {enabled: false, progressInterval: 0}", ""));
        return CrawlerProcess.command(List.of("-Xmx128m"), "crawl", "-c", conf.toString());
    }

    private String log(int run) throws IOException {
        return CrawlerProcess.tail(tmp.resolve("run-" + run + ".log"));
    }

    private Process start(List<String> command, int run) throws IOException {
        return CrawlerProcess.start(command, tmp.resolve("run-" + run + ".log"));
    }

    /** Every line of every output file, plain or compressed. */
    private static List<String> readLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(out)) {
            byte[] bytes;
            try (InputStream in = file.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                bytes = in.readAllBytes();
            } catch (NoSuchFileException compressedMeanwhile) {
                continue; // while a run is alive, a plain file becomes .gz between listing and reading
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
        }
        return lines;
    }

}
