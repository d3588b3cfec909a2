package io.herald.demo;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out what a correct crawl must find by crawling the rendered pages in memory: breadth-first from the
 * three front pages, following every {@code a[href]} on the demo hosts that robots.txt allows. Deriving the
 * manifest from the HTML itself, rather than from the content files, keeps it honest when templates change.
 */
final class ManifestBuilder {
    /** The robots.txt product token Herald matches by default. */
    static final String ROBOTS_AGENT = "herald";
    private final SiteLinks links;
    private final Map<Publication, HostPages> hosts;
    private final Map<Publication, BaseRobotRules> robots = new EnumMap<>(Publication.class);
    private final Map<String, DemoArticle> articlesByUrl = new HashMap<>();

    ManifestBuilder(SiteLinks links, Map<Publication, HostPages> hosts, ArticleCatalog catalog) {
        this.links = links;
        this.hosts = hosts;
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        hosts.forEach((p, pages) -> robots.put(p, parser.parseContent(links.url(p, "/robots.txt"),
                pages.robots().getBytes(StandardCharsets.UTF_8), "text/plain", List.of(ROBOTS_AGENT))));
        catalog.all().forEach(a -> articlesByUrl.put(links.articleUrl(a), a));
    }

    /** @return the manifest and, per article URL, the paragraphs the extractor should recover */
    Result build() {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (Publication p : Publication.values()) {
            seen.add(links.base(p));
            queue.add(links.base(p));
        }
        Set<String> articles = new TreeSet<>();
        Set<String> disallowed = new TreeSet<>();
        while (!queue.isEmpty()) {
            String url = queue.poll();
            Optional<String> html = page(url);
            if (html.isEmpty()) {
                continue;
            }
            if (articlesByUrl.containsKey(url)) {
                articles.add(url);
            }
            for (String link : outlinks(html.get(), url)) {
                Optional<Publication> owner = links.owner(link);
                if (owner.isEmpty() || !seen.add(link)) {
                    continue;
                }
                if (robots.get(owner.get()).isAllowed(link)) {
                    queue.add(link);
                } else {
                    disallowed.add(link);
                }
            }
        }
        return result(articles, disallowed);
    }

    private Result result(Set<String> articles, Set<String> disallowed) {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, List<String>> paragraphs = new LinkedHashMap<>();
        articles.forEach(u -> {
            titles.put(u, articlesByUrl.get(u).title());
            paragraphs.put(u, readerText(articlesByUrl.get(u), links.owner(u).orElseThrow()));
        });
        return new Result(new DemoSite.Manifest(articles, disallowed, titles), Collections.unmodifiableMap(paragraphs));
    }

    /** The article's text as a reader sees it on the page: the standfirst, where printed, then the paragraphs. */
    private static List<String> readerText(DemoArticle a, Publication p) {
        if (!p.showsStandfirst()) {
            return a.paragraphs();
        }
        List<String> out = new java.util.ArrayList<>(a.paragraphs().size() + 1);
        out.add(a.description());
        out.addAll(a.paragraphs());
        return List.copyOf(out);
    }

    record Result(DemoSite.Manifest manifest, Map<String, List<String>> paragraphs) {
    }

    private Optional<String> page(String url) {
        return links.owner(url).map(hosts::get).map(h -> h.pages().get(URI.create(url).getRawPath()));
    }

    private static Set<String> outlinks(String html, String baseUrl) {
        Set<String> out = new LinkedHashSet<>();
        for (Element a : Jsoup.parse(html, baseUrl).select("a[href]")) {
            normalise(a.absUrl("href")).ifPresent(out::add);
        }
        return out;
    }

    /** http(s) only, lower-case scheme and host, no fragment: the same form the manifest promises. */
    static Optional<String> normalise(String absolute) {
        try {
            URI u = new URI(absolute);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                return Optional.empty();
            }
            String port = u.getPort() < 0 ? "" : ":" + u.getPort();
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + port + path + query);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
