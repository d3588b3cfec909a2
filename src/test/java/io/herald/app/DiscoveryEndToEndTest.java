package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.DiscoveryConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.herald.testing.ConfigSections.withDiscovery;
import static org.assertj.core.api.Assertions.assertThat;

/** Sitemaps and feeds as sources of URLs: read from robots.txt, through the politeness gate, fresh items only. */
@ExtendWith(VertxExtension.class)
class DiscoveryEndToEndTest {
    @TempDir
    Path tmp;

    private static String newsSitemap(String base, List<String> paths, List<Instant> published) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
        for (int i = 0; i < paths.size(); i++) {
            xml.append("<url><loc>").append(base).append(paths.get(i)).append("</loc><news:news><news:publication>"
                    + "<news:name>Test News</news:name><news:language>en</news:language></news:publication>"
                    + "<news:publication_date>").append(published.get(i)).append("</news:publication_date>"
                    + "<news:title>Story</news:title></news:news></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    @Test
    void freshStoriesFromTheNewsSitemapInRobotsTxtAreCrawledAndStaleOnesAreNot(Vertx vertx) throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.9").start().await(10, TimeUnit.SECONDS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\nSitemap: " + site.url("/news-sitemap.xml") + "\n");
        site.route("/news-sitemap.xml", req -> req.response().putHeader("content-type", "application/xml")
                .end(newsSitemap(site.base(), List.of("/fresh", "/stale", "/private/fresh"),
                        List.of(now.minus(Duration.ofHours(2)), Instant.parse("2020-01-01T00:00:00Z"), now))));
        site.html("/", "<html><head><meta property=\"og:type\" content=\"website\"></head><body>Front</body></html>");
        site.html("/fresh", TestSite.article("Fresh story", "A fresh story."));
        site.html("/stale", TestSite.article("Stale story", "A stale story."));
        site.html("/private/fresh", TestSite.article("Private story", "A private story."));

        CrawlConfig base = TestConfigs.crawl(List.of(site.url("/")), TestConfigs.politeness(Duration.ofMillis(50), 1),
                tmp.resolve("out"));
        CrawlConfig config = withDiscovery(base, new DiscoveryConfig(List.of(), true, Duration.ofHours(48), 1000, 10));
        CrawlSummary summary = TestRunners.standalone(config).run().get(60, TimeUnit.SECONDS);

        assertThat(site.paths()).contains("/news-sitemap.xml", "/fresh").doesNotContain("/stale", "/private/fresh");
        assertThat(site.paths().indexOf("/news-sitemap.xml")).isLessThan(site.paths().indexOf("/fresh"));
        List<String> lines = Files.readAllLines(CrawlSummary.articleFiles(tmp.resolve("out")).get(0));
        assertThat(lines).hasSize(1);
        JsonObject article = new JsonObject(lines.get(0));
        assertThat(article.getString("url")).isEqualTo(site.url("/fresh"));
        assertThat(article.getString("via")).isEqualTo("sitemap");
        assertThat(summary.json().getJsonObject("robotsOutcomes")).isNotNull();
        assertThat(site.minGapMillis()).isGreaterThanOrEqualTo(50);
    }
}
