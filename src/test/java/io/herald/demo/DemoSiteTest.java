package io.herald.demo;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each host serves: status codes, headers, robots.txt and the markup style of each publication. */
class DemoSiteTest {
    private static DemoSiteFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new DemoSiteFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void baseUrlsAreOnePerAddressWithTheirOwnBoundPort() {
        assertThat(fx.bases).hasSize(3).allMatch(u -> u.matches("http://127\\.0\\.0\\.[234]:\\d+/"));
        assertThat(fx.bases.get(0)).startsWith("http://127.0.0.2:");
        assertThat(fx.bases.get(2)).startsWith("http://127.0.0.4:");
        assertThat(fx.bases).doesNotContain("http://127.0.0.2:0/");
        assertThat(fx.site.baseUrls()).isEqualTo(fx.bases);
    }

    @Test
    void frontPagesAreUtf8HtmlWithTheirPublicationName() throws Exception {
        List<String> names = List.of("The Meridian Wire", "Harbour Chronicle", "Northern Gazette");
        for (int i = 0; i < 3; i++) {
            HttpResponse<Buffer> res = fx.get(fx.bases.get(i));
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(res.bodyAsString()).contains("<title>").contains(names.get(i));
        }
    }

    @Test
    void robotsTxtDiffersPerHost() throws Exception {
        BaseRobotRules wire = robots(0);
        BaseRobotRules harbour = robots(1);
        BaseRobotRules gazette = robots(2);
        assertThat(wire.isAllowed(fx.bases.get(0) + "print/world/x.html")).isFalse();
        assertThat(wire.isAllowed(fx.bases.get(0) + "world/")).isTrue();
        assertThat(harbour.isAllowed(fx.bases.get(1) + "members/2025/03/21/x/")).isFalse();
        assertThat(harbour.isAllowed(fx.bases.get(1) + "2025/03/21/x/")).isTrue();
        assertThat(gazette.getCrawlDelay()).isEqualTo(1000L);
        assertThat(wire.getCrawlDelay()).isLessThanOrEqualTo(0L);
        assertThat(fx.get(fx.bases.get(2) + "robots.txt").bodyAsString()).contains("Crawl-delay: 1");
    }

    @Test
    void startFailsWhenAnAddressCannotBeBound() {
        DemoSite broken = new DemoSite(fx.vertx, new DemoSite.Options(List.of("127.0.0.2", "127.0.0.3", "192.0.2.1"), 0));
        var started = broken.start();
        assertThatThrownBy(() -> started.await(10, TimeUnit.SECONDS)).isNotInstanceOf(TimeoutException.class);
        assertThat(started.failed()).isTrue();
    }

    @Test
    void unknownPathIs404WithAnHtmlPage() throws Exception {
        HttpResponse<Buffer> res = fx.get(fx.bases.get(1) + "no/such/page/");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.getHeader("Content-Type")).startsWith("text/html");
        assertThat(res.bodyAsString()).contains("can&rsquo;t be found");
    }

    @Test
    void wireArticleHasJsonLdOgMetaPhotoCreditAndInlineRelatedBlocks() throws Exception {
        String url = fx.articleOn(0);
        Document doc = fx.page(url);
        JsonObject ld = new JsonObject(doc.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.getString("@type")).isEqualTo("NewsArticle");
        assertThat(ld.getString("headline")).isEqualTo(fx.site.manifest().titles().get(url));
        assertThat(meta(doc, "og:title")).isEqualTo(fx.site.manifest().titles().get(url));
        assertThat(meta(doc, "og:type")).isEqualTo("article");
        assertThat(meta(doc, "og:url")).isEqualTo(url);
        assertThat(meta(doc, "article:published_time")).isEqualTo(ld.getString("datePublished"));
        Element figure = doc.selectFirst(".article__announce figure");
        assertThat(figure.selectFirst(".media__copyright").text()).matches("© .+ / .+");
        assertThat(figure.selectFirst("img").attr("alt")).endsWith(" - The Meridian Wire");
        assertThat(doc.selectFirst(".article__announce a").text()).isEqualTo("Subscribe");
        Element related = doc.selectFirst(".article__body .article__block[data-type=article]");
        assertThat(related.previousElementSibling().attr("data-type")).isEqualTo("text");
        assertThat(related.nextElementSibling().attr("data-type")).isEqualTo("text");
    }

    @Test
    void harbourArticleHasNoJsonLdButOgBylineTimeAndHeavyBoilerplate() throws Exception {
        String url = fx.articleOn(1);
        Document doc = fx.page(url);
        assertThat(doc.select("script[type=application/ld+json]")).isEmpty();
        assertThat(meta(doc, "og:title")).isEqualTo(fx.site.manifest().titles().get(url));
        assertThat(doc.selectFirst("meta[name=author]").attr("content")).isNotBlank();
        assertThat(doc.selectFirst(".byline").text()).startsWith("By ");
        assertThat(doc.selectFirst("time[datetime]").attr("datetime")).startsWith("2025-03-");
        assertThat(doc.text()).contains("Never miss a story", "Most popular", "We use cookies", "Leave a Reply");
        assertThat(doc.select(".comment-list .comment-content p")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(doc.select("a[href^=" + fx.bases.get(1) + "members/]")).isNotEmpty();
    }

    @Test
    void gazetteArticleHasJsonLdGraphWithNestedAuthors() throws Exception {
        String url = fx.articleOn(2);
        Document doc = fx.page(url);
        JsonArray graph = new JsonObject(doc.selectFirst("script[type=application/ld+json]").data()).getJsonArray("@graph");
        JsonObject article = graph.stream().map(JsonObject.class::cast)
                .filter(o -> o.getValue("@type") instanceof JsonArray t && t.contains("NewsArticle"))
                .findFirst().orElseThrow();
        assertThat(article.getString("headline")).isEqualTo(fx.site.manifest().titles().get(url));
        JsonObject author = article.getJsonArray("author").getJsonObject(0);
        assertThat(author.getString("@type")).isEqualTo("Person");
        assertThat(author.getString("name")).isNotBlank();
        assertThat(author.getJsonObject("worksFor").getString("@id")).endsWith("#organization");
    }

    @Test
    void everyArticleParagraphIsOnItsPage() throws Exception {
        for (int host = 0; host < 3; host++) {
            String url = fx.articleOn(host);
            String text = fx.page(url).text();
            assertThat(fx.site.articleParagraphs().get(url)).hasSizeBetween(4, 10).allSatisfy(p -> assertThat(text).contains(p));
        }
    }

    @Test
    void aboutPageIsNotMarkedUpAsAnArticle() throws Exception {
        Document doc = fx.page(fx.bases.get(0) + "about/");
        assertThat(meta(doc, "og:type")).isEqualTo("website");
        assertThat(doc.select("script[type=application/ld+json]")).isEmpty();
        assertThat(fx.site.manifest().articleUrls()).doesNotContain(fx.bases.get(0) + "about/");
    }

    @Test
    void membersPagesExistAndLookLikeArticles() throws Exception {
        String members = fx.site.manifest().robotsDisallowedUrls().stream()
                .filter(u -> u.startsWith(fx.bases.get(1) + "members/2025/")).findFirst().orElseThrow();
        assertThat(meta(fx.page(members), "og:type")).isEqualTo("article");
    }

    @Test
    void compressesWhenTheClientAcceptsGzip() throws Exception {
        HttpResponse<Buffer> res = fx.client.getAbs(fx.bases.get(1)).putHeader("Accept-Encoding", "gzip")
                .send().await(10, TimeUnit.SECONDS);
        assertThat(res.getHeader("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void recordsHitsWithHostAndPath() throws Exception {
        long before = System.nanoTime();
        fx.get(fx.bases.get(2) + "robots.txt");
        assertThat(fx.site.hits()).anySatisfy(h -> {
            assertThat(h.host()).isEqualTo("127.0.0.4");
            assertThat(h.path()).isEqualTo("/robots.txt");
            assertThat(h.nanoTime()).isGreaterThanOrEqualTo(before);
        });
    }

    private static BaseRobotRules robots(int host) throws Exception {
        String url = fx.bases.get(host) + "robots.txt";
        HttpResponse<Buffer> res = fx.get(url);
        assertThat(res.getHeader("Content-Type")).startsWith("text/plain");
        return new SimpleRobotRulesParser().parseContent(url, res.bodyAsString().getBytes(StandardCharsets.UTF_8),
                "text/plain", List.of("herald"));
    }

    private static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "]");
        return e == null ? null : e.attr("content");
    }
}
