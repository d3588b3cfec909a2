package io.herald.app;

import io.herald.testing.TestSite;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: exit codes and the messages a user sees. */
class MainTest {
    @TempDir
    Path tmp;

    @Test
    void badConfigExitsTwoNamingFileAndKeyAndStartsNothing() throws Exception {
        Path conf = tmp.resolve("bad.yaml");
        Files.writeString(conf, "crawl:\n  seeds: [http://127.0.0.9:1/]\npoliteness:\n  delay: fast\n");
        CommandRun crawl = CommandRun.of("crawl", "-c", conf.toString(), "--set", "output.dir=" + tmp.resolve("out"));
        assertThat(crawl.exitCode()).isEqualTo(2);
        assertThat(crawl.err()).contains(conf.toString()).contains("politeness.delay").contains("fast");
        assertThat(tmp.resolve("out")).doesNotExist();

        CommandRun check = CommandRun.of("check-config", conf.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("politeness.delay");
    }

    @Test
    void unknownKeyIsAConfigError() throws Exception {
        Path conf = tmp.resolve("typo.yaml");
        Files.writeString(conf, "crawl:\n  seeds: [http://127.0.0.9:1/]\npolitness:\n  delay: 1s\n");
        CommandRun check = CommandRun.of("check-config", conf.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("politness").contains("politeness");
    }

    @Test
    void checkConfigPrintsTheResolvedConfiguration() {
        CommandRun check = CommandRun.of("check-config", "conf/demo.yaml", "--set", "politeness.delay=2s");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("\"delay\" : \"2s\"").contains("127.0.0.2");
    }

    @Test
    void extractPrintsOneLinePerInputWithItsSource() throws Exception {
        Path page = tmp.resolve("page.html");
        Files.writeString(page, TestSite.article("Harbour plan revised", "The harbour plan changes."));
        Path front = tmp.resolve("front.html");
        Files.writeString(front, "<html><head><meta property=\"og:type\" content=\"website\"></head><body>"
                + "<a href=\"/a\">A</a><a href=\"/b\">B</a></body></html>");
        CommandRun extract = CommandRun.of("extract", page.toString(), front.toString(),
                "--base-url", "http://127.0.0.9/");
        assertThat(extract.exitCode()).isZero();
        String[] lines = extract.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        var article = new JsonObject(lines[0]);
        assertThat(article.getString("source")).isEqualTo(page.toString());
        assertThat(article.getString("title")).isEqualTo("Harbour plan revised");
        assertThat(article.getString("text")).contains("The harbour plan changes.");
        assertThat(new JsonObject(lines[1]).getString("pageType")).isNotEqualTo("article");
    }

    @Test
    void extractOfAMissingFileSaysSoAndFails() {
        CommandRun extract = CommandRun.of("extract", tmp.resolve("nope.html").toString());
        assertThat(extract.exitCode()).isEqualTo(1);
        assertThat(extract.out()).contains("\"error\"");
    }
}
