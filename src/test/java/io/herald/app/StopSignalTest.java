package io.herald.app;

import io.herald.testing.CrawlerProcess;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SIGTERM in the middle of a crawl: the real process stops in bounds and leaves only whole lines. */
@ExtendWith(VertxExtension.class)
class StopSignalTest {
    private static final int PAGES = 60;

    @TempDir
    Path tmp;

    @Test
    void sigtermStopsTheCrawlCleanly(Vertx vertx) throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.8").start().await(10, TimeUnit.SECONDS);
        for (int i = 0; i < PAGES; i++) {
            site.slowHtml("/story/" + i, 150, TestSite.article("Story " + i, "Story number " + i + " begins."));
        }
        site.html("/", TestSite.storyIndex(PAGES));

        Path out = tmp.resolve("out");
        Path conf = tmp.resolve("crawl.yaml");
        Files.writeString(conf, String.join("\n",
                "crawl: {name: stop-test, seeds: ['" + site.url("/") + "']}",
                "politeness: {delay: 0ms, perHostConcurrency: 2}",
                "fetch: {concurrency: 2}",
                "extract: {minWords: 30}",
                "output: {dir: '" + out + "'}",
                "state: {dir: '" + tmp.resolve("state") + "'}",
                "monitor: {enabled: false, progressInterval: 0}", ""));
        Process process = new ProcessBuilder(CrawlerProcess.command(List.of(), "crawl", "-c", conf.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> lines(out).size() >= 5);
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process exited after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }

        List<String> lines = lines(out);
        assertThat(lines.size()).isBetween(5, PAGES - 1);
        lines.forEach(line -> assertThat(new JsonObject(line).getString("schema")).isEqualTo("herald.article/1"));
        for (Path file : CrawlSummary.articleFiles(out)) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes[bytes.length - 1]).as("file ends with a whole line").isEqualTo((byte) '\n');
        }
        JsonObject summary = new JsonObject(Files.readString(out.resolve("summary.json")));
        assertThat(summary.getString("reason")).isEqualTo("stopped");
        assertThat(summary.getLong("articlesWritten")).isEqualTo(lines.size());
        assertThat(Files.readString(tmp.resolve("log.txt"))).contains("stopping");
    }

    private static List<String> lines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(out)) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines;
    }
}
