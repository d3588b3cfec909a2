package io.herald.app;

import io.herald.testing.CrawlerProcess;
import io.herald.testing.LiveNewsSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real continuous crawl process killed with SIGKILL while its site keeps publishing, restarted with the same command,
 * and at last stopped with SIGTERM: every story is written exactly once, and the hub schedule with its validators
 * survives the kills (the first request for the front after the last restart is conditional). The seed is printed,
 * so a failure can be replayed with {@code -Dkill.seed=N}.
 */
@ExtendWith(VertxExtension.class)
class ContinuousKillAndResumeTest {
    private static final int STORIES = 10;
    private static final long PERIOD_MS = 700;
    private static final int KILLS = 2;

    @TempDir
    Path tmp;

    @Test
    void everyStoryExactlyOnceAndTheScheduleKeptAcrossKills(Vertx vertx) throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        System.out.println("ContinuousKillAndResumeTest seed " + seed);
        Random random = new Random(seed);
        LiveNewsSite news = new LiveNewsSite(vertx, "127.0.0.42", STORIES, PERIOD_MS).start()
                .await(10, TimeUnit.SECONDS);
        Path out = tmp.resolve("out");
        List<String> command = command(news, out);
        news.open();

        List<Integer> linesAtKill = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process process = start(command, kill);
            try {
                int target = Math.min(STORIES - 1, lines(out) + 1 + random.nextInt(2));
                awaitOrLog(kill, () -> lines(out) >= target || !process.isAlive());
                assertThat(process.waitFor(random.nextInt(300), TimeUnit.MILLISECONDS))
                        .as("run %d still crawling when killed", kill).isFalse();
            } finally {
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final checkpoint
                process.waitFor(10, TimeUnit.SECONDS);
            }
            linesAtKill.add(lines(out));
        }
        int frontBefore = news.frontConditions().size();
        Process last = start(command, KILLS);
        try {
            awaitOrLog(KILLS, () -> lines(out) == STORIES && news.published() == STORIES
                    && news.frontConditions().size() > frontBefore + 1);
            last.destroy(); // SIGTERM
            assertThat(last.waitFor(30, TimeUnit.SECONDS)).as("stopped; its log:%n%s", log(KILLS)).isTrue();
        } finally {
            last.destroyForcibly();
        }

        List<String> urls = ContinuousCrawlEndToEndTest.stories(out).stream().map(l -> l.getString("url")).toList();
        Set<String> expected = IntStream.range(0, STORIES).mapToObj(i -> news.url("/story/" + i))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(urls)).as("lines at each kill: %s", linesAtKill).isEqualTo(expected);
        assertThat(urls).as("no story written twice").hasSize(STORIES);
        assertThat(news.frontConditions().get(frontBefore)).as("the front's validators survived the kill")
                .startsWith("\"front-");
        JsonObject summary = new JsonObject(Files.readString(out.resolve("summary.json")));
        assertThat(summary.getString("reason")).isEqualTo("stopped");
        assertThat(summary.getJsonObject("total").getLong("runs")).isEqualTo(KILLS + 1);
    }

    private void awaitOrLog(int run, Callable<Boolean> condition) throws IOException {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(condition);
        } catch (ConditionTimeoutException stalled) {
            throw new AssertionError("run " + run + " did not get there in 60 s; its log:\n" + log(run), stalled);
        }
    }

    private static int lines(Path out) throws IOException {
        return ContinuousCrawlEndToEndTest.stories(out).size();
    }

    private List<String> command(LiveNewsSite news, Path out) throws IOException {
        Path conf = tmp.resolve("crawl.yaml");
        Files.writeString(conf, String.join("\n",
                "crawl: {name: continuous-kill, seeds: ['" + news.url("/") + "'], mode: continuous}",
                "recrawl: {minInterval: 200ms, maxInterval: 1s}",
                "discovery: {sitemaps: ['" + news.url("/feed.xml") + "']}",
                "politeness: {delay: 50ms}",
                "fetch: {concurrency: 2}",
                "extract: {minWords: 30}",
                "output: {dir: '" + out + "'}",
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
}
