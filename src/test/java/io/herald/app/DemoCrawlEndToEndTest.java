package io.herald.app;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import io.herald.demo.DemoSite;
import io.herald.testing.TestRunners;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled demo site crawled with conf/demo.yaml (ports changed to free ones): the articles it promises, no more. */
@ExtendWith(VertxExtension.class)
class DemoCrawlEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void demoCrawlWritesEveryPromisedArticleOnceAndNothingDisallowed(Vertx vertx) throws Exception {
        DemoSite site = new DemoSite(vertx, new DemoSite.Options(DemoSite.defaults().addresses(), 0));
        List<String> bases = site.start().await(30, TimeUnit.SECONDS);
        DemoSite.Manifest manifest = site.manifest();

        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("crawl.seeds", String.join(",", bases));
        overrides.put("output.dir", tmp.resolve("out").toString());
        overrides.put("state.dir", tmp.resolve("state").toString()); // the durable store, as users run it
        overrides.put("politeness.delay", "100ms");
        overrides.put("monitor.enabled", "false");
        CrawlConfig config = ConfigLoader.load(Path.of("conf/demo.yaml"), overrides);
        CrawlSummary summary = TestRunners.standalone(config).run().get(120, TimeUnit.SECONDS);

        List<JsonObject> articles = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(tmp.resolve("out"))) {
            Files.readAllLines(file).forEach(line -> articles.add(new JsonObject(line)));
        }
        Set<String> written = articles.stream().map(a -> a.getString("url")).collect(Collectors.toSet());
        assertThat(articles).hasSize(written.size());
        assertThat(written).containsExactlyInAnyOrderElementsOf(manifest.articleUrls());
        for (JsonObject article : articles) {
            assertThat(article.getString("title")).isEqualTo(manifest.titles().get(article.getString("url")));
            assertThat(article.getString("text")).doesNotContain("Subscribe", "Never miss a story", "©");
        }
        Set<String> requested = site.hits().stream()
                .map(h -> bases.get(DemoSite.defaults().addresses().indexOf(h.host())) + h.path().substring(1))
                .collect(Collectors.toSet());
        assertThat(requested).doesNotContainAnyElementsOf(manifest.robotsDisallowedUrls());
        assertThat(summary.json().getJsonObject("urls").getLong("robots_blocked")).isPositive();
    }
}
