package io.herald.demo;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls the served site over HTTP with a tiny breadth-first crawler of its own (jsoup links, crawler-commons
 * robots) and checks the manifest against what it found, so the manifest is not just trusted.
 */
class DemoSiteCrawlTest {
    private static DemoSiteFixture fx;
    private static Crawl crawl;

    @BeforeAll
    static void crawlTheSite() throws Exception {
        fx = new DemoSiteFixture();
        crawl = new Crawl(false);
        crawl.run();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void manifestArticlesAreExactlyTheReachablePagesMarkedUpAsArticles() {
        assertThat(crawl.articles).isEqualTo(fx.site.manifest().articleUrls());
    }

    @Test
    void manifestHasTwentyArticlesPerHostAndATitleForEach() {
        DemoSite.Manifest m = fx.site.manifest();
        for (String base : fx.bases) {
            assertThat(m.articleUrls().stream().filter(u -> u.startsWith(base)).count()).isGreaterThanOrEqualTo(20);
        }
        assertThat(m.titles().keySet()).isEqualTo(m.articleUrls());
        assertThat(m.titles().values()).doesNotContainNull().allMatch(t -> !t.isBlank());
    }

    @Test
    void disallowedUrlsAreLinkedFromReachablePagesAndIncludeMembersStories() {
        Set<String> disallowed = fx.site.manifest().robotsDisallowedUrls();
        assertThat(disallowed).isNotEmpty().isEqualTo(crawl.disallowedLinks);
        assertThat(disallowed).filteredOn(u -> u.startsWith(fx.bases.get(1) + "members/")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(disallowed).allMatch(u -> u.startsWith(fx.bases.get(0) + "print/") || u.startsWith(fx.bases.get(1) + "members/"));
        assertThat(disallowed).doesNotContainAnyElementsOf(fx.site.manifest().articleUrls());
    }

    @Test
    void aPoliteCrawlNeverRequestsADisallowedPathAndMeetsNoDeadLinks() {
        Set<String> disallowedPaths = new HashSet<>();
        fx.site.manifest().robotsDisallowedUrls().forEach(u -> disallowedPaths.add(URI.create(u).getRawPath()));
        assertThat(fx.site.hits()).isNotEmpty().noneMatch(h -> disallowedPaths.contains(h.path()));
        assertThat(crawl.failures).isEmpty();
    }

    @Test
    void linksAcrossHostsCarryTheBoundPorts() {
        for (int i = 0; i < 3; i++) {
            int from = i;
            assertThat(crawl.crossHostLinks.get(fx.bases.get(i))).as("links from host %d", i)
                    .anyMatch(u -> !u.startsWith(fx.bases.get(from)));
        }
        assertThat(crawl.allLinks).filteredOn(u -> u.startsWith("http://127.0.0."))
                .allMatch(u -> fx.bases.stream().anyMatch(u::startsWith));
    }

    @Test
    void tagPagesAreNotNeededToReachAnyArticle() throws Exception {
        Crawl withTags = new Crawl(true);
        withTags.run();
        assertThat(withTags.articles).isEqualTo(crawl.articles);
    }

    @Test
    void everyArticleIsWithinTwoLinksOfAFrontPage() {
        assertThat(crawl.articles).allMatch(u -> crawl.depth.get(u) <= 2);
    }

    @Test
    void crawlDelayedHostStaysSmall() {
        long gazettePages = crawl.fetched.stream().filter(u -> u.startsWith(fx.bases.get(2))).count();
        assertThat(gazettePages).isBetween(22L, 26L);
    }

    /** Breadth-first from the three front pages; /tag/ pages skipped unless asked (default scope excludes them). */
    private static final class Crawl {
        final boolean followTags;
        final Set<String> fetched = new TreeSet<>();
        final Set<String> articles = new TreeSet<>();
        final Set<String> disallowedLinks = new TreeSet<>();
        final Set<String> allLinks = new HashSet<>();
        final Set<String> failures = new TreeSet<>();
        final Map<String, Set<String>> crossHostLinks = new HashMap<>();
        final Map<String, Integer> depth = new HashMap<>();
        private final Map<String, BaseRobotRules> robots = new HashMap<>();

        Crawl(boolean followTags) {
            this.followTags = followTags;
        }

        void run() throws Exception {
            for (String base : fx.bases) {
                HttpResponse<Buffer> r = fx.get(base + "robots.txt");
                robots.put(base, new SimpleRobotRulesParser().parseContent(base + "robots.txt",
                        r.bodyAsString().getBytes(StandardCharsets.UTF_8), "text/plain", List.of("herald")));
            }
            Set<String> seen = new HashSet<>(fx.bases);
            Deque<String> queue = new ArrayDeque<>(fx.bases);
            fx.bases.forEach(b -> depth.put(b, 0));
            while (!queue.isEmpty()) {
                String url = queue.poll();
                for (String link : fetch(url)) {
                    String base = fx.bases.stream().filter(link::startsWith).findFirst().orElse(null);
                    if (base == null || !seen.add(link) || !followTags && link.contains("/tag/")) {
                        continue;
                    }
                    if (robots.get(base).isAllowed(link)) {
                        depth.put(link, depth.get(url) + 1);
                        queue.add(link);
                    } else {
                        disallowedLinks.add(link);
                    }
                }
            }
        }

        private Set<String> fetch(String url) throws Exception {
            HttpResponse<Buffer> res = fx.get(url);
            fetched.add(url);
            if (res.statusCode() != 200) {
                failures.add(url + " " + res.statusCode());
                return Set.of();
            }
            Document doc = Jsoup.parse(res.bodyAsString(), url);
            Element ogType = doc.selectFirst("meta[property=og:type]");
            if (ogType != null && ogType.attr("content").equals("article")) {
                articles.add(url);
            }
            String from = fx.bases.stream().filter(url::startsWith).findFirst().orElseThrow();
            Set<String> out = new HashSet<>();
            for (Element a : doc.select("a[href]")) {
                String abs = a.absUrl("href");
                if (abs.startsWith("http://") || abs.startsWith("https://")) {
                    String link = abs.replaceFirst("#.*$", "");
                    out.add(link);
                    allLinks.add(link);
                    if (!link.startsWith(from) && link.startsWith("http://127.0.0.")) {
                        crossHostLinks.computeIfAbsent(from, k -> new HashSet<>()).add(link);
                    }
                }
            }
            return out;
        }
    }
}
