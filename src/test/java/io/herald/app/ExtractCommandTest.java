package io.herald.app;

import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private record Run(int exitCode, String out, String err) {
    }

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
        Run run = run("extract", "-c", conf.toString(), site.url("/one.html"), site.url("/two.html"),
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
        Run run = run("extract", site.url("/one.html"));
        assertThat(run.exitCode()).isZero();
        assertThat(agents).singleElement().asString().startsWith("HeraldBot/");
        assertThat(run.err()).contains("the default config").contains("HeraldBot/");
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
