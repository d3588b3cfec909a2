package io.herald.bench;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NewsWebTest {
    private final NewsWeb web = new NewsWeb(3, 100, 18080);
    private final NewsPages pages = new NewsPages(web);

    @Test
    void articlesAreSpreadOverHostsAndEveryArticleIsListedOnceInItsSection() {
        assertThat(web.articlesOf(0) + web.articlesOf(1) + web.articlesOf(2)).isEqualTo(100);
        for (int h = 0; h < web.hosts(); h++) {
            Set<Integer> listed = new HashSet<>();
            for (int s = 0; s < NewsWeb.SECTIONS.size(); s++) {
                for (int p = 0; p < web.sectionSize(h, s); p++) {
                    int article = web.sectionArticle(h, s, p);
                    assertThat(web.section(article)).isEqualTo(s);
                    assertThat(listed.add(article)).isTrue();
                }
            }
            int articles = web.articlesOf(h);
            assertThat(listed).hasSize(articles).allMatch(a -> a >= 0 && a < articles);
        }
    }

    @Test
    void everyLinkLeadsToAPageOfTheWebOrToAPathTheHostDisallowsAndPagesWeigh40To80Kb() {
        Map<String, String> site = new HashMap<>(); // absolute URL -> page
        for (int h = 0; h < web.hosts(); h++) {
            site.put(web.origin(h) + "/", pages.front(h));
            for (int s = 0; s < NewsWeb.SECTIONS.size(); s++) {
                for (int p = 1; p <= web.listingPages(h, s); p++) {
                    site.put(web.origin(h) + NewsWeb.listingPath(s, p), pages.listing(h, s, p));
                }
            }
            for (int a = 0; a < web.articlesOf(h); a++) {
                site.put(web.origin(h) + web.articlePath(h, a), pages.article(h, a));
            }
        }
        assertThat(site).hasSize(web.pagesOf(0) + web.pagesOf(1) + web.pagesOf(2));
        Set<String> linked = new HashSet<>();
        int crossHost = 0;
        for (Map.Entry<String, String> page : site.entrySet()) {
            assertThat(page.getValue().getBytes(StandardCharsets.UTF_8).length).as(page.getKey())
                    .isBetween(NewsPages.MIN_SIZE, NewsPages.MAX_SIZE - 1);
            Document doc = Jsoup.parse(page.getValue(), page.getKey());
            for (Element a : doc.select("a[href]")) {
                URI link = URI.create(a.absUrl("href"));
                String url = link.getScheme() + "://" + link.getAuthority() + link.getPath();
                crossHost += url.startsWith(page.getKey().substring(0, page.getKey().indexOf('/', 8))) ? 0 : 1;
                if (!site.containsKey(url)) {
                    assertThat(link.getPath()).as("link " + url + " on " + page.getKey())
                            .matches("/(search|print|comments)/.*");
                    int host = Integer.parseInt(link.getHost().substring("127.0.1.".length())) - 1;
                    assertThat(web.robots(host)).contains("Disallow: " + link.getPath().substring(0,
                            link.getPath().indexOf('/', 1) + 1));
                } else {
                    linked.add(url);
                }
            }
        }
        assertThat(linked).as("every page is linked from some page").containsAll(site.keySet());
        assertThat(crossHost).as("related blocks link other hosts").isPositive();
    }

    @Test
    void threeHostsAskForCrawlDelayAndOthersDoNot() {
        NewsWeb fifty = new NewsWeb(50, 10_002, 18080);
        assertThat(fifty.robots(7)).contains("Crawl-delay: 0.5").contains("Disallow: /print/");
        assertThat(fifty.robots(0)).doesNotContain("Crawl-delay");
        int pages = 0;
        int articles = 0;
        for (int h = 0; h < 50; h++) {
            pages += fifty.pagesOf(h);
            articles += fifty.articlesOf(h);
        }
        assertThat(articles).isEqualTo(10_002);
        assertThat(pages).isEqualTo(11_102);
    }
}
