package io.herald.app;

import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code herald extract URL}: the page is fetched as the user's config says, and the user is told which one. */
class ExtractCommandTest {
    @TempDir
    Path tmp;
    private Vertx vertx;
    private TestSite site;
    private final List<String> agents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSite() {
        vertx = Vertx.vertx();
        site = new TestSite(vertx, "127.0.0.1");
        for (String path : List.of("/one.html", "/two.html")) {
            site.route(path, req -> {
                agents.add(req.getHeader("User-Agent"));
                req.response().putHeader("content-type", "text/html; charset=utf-8")
                        .end(TestSite.article("Harbour plan " + path, "The harbour plan changes."));
            });
        }
        site.route("/silent.html", req -> agents.add(req.getHeader("User-Agent"))); // never answers
        site.start().await();
    }

    @AfterEach
    void stopSite() {
        vertx.close().await();
    }

    @Test
    void urlsAreFetchedWithTheConfiguredUserAgentAndTimeout() throws Exception {
        Path conf = tmp.resolve("job.yaml");
        Files.writeString(conf, "crawl:\n  seeds: [" + site.base() + "/]\n"
                + "politeness:\n  userAgent: \"TestBot/7 (+mailto:test@example.invalid)\"\n"
                + "fetch:\n  timeout: 300ms\n");
        long started = System.nanoTime();
        CommandRun run = CommandRun.of("extract", "-c", conf.toString(), site.url("/one.html"), site.url("/two.html"),
                site.url("/silent.html"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(agents).hasSize(3).containsOnly("TestBot/7 (+mailto:test@example.invalid)");
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(new JsonObject(lines[0]).getString("title")).isEqualTo("Harbour plan /one.html");
        assertThat(new JsonObject(lines[1]).getString("title")).isEqualTo("Harbour plan /two.html");
        assertThat(new JsonObject(lines[2]).getString("error")).contains("timeout");
        assertThat(tookMs).as("the config's 300ms timeout, not the default 20s").isLessThan(10_000);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(conf.toString()).contains("TestBot/7").contains("300ms");
    }

    @Test
    void withoutAConfigTheDefaultUserAgentIsUsedAndSaid() {
        CommandRun run = CommandRun.of("extract", site.url("/one.html"));
        assertThat(run.exitCode()).isZero();
        assertThat(agents).singleElement().asString().startsWith("HeraldBot/");
        assertThat(run.err()).contains("the default config").contains("HeraldBot/");
    }
}
