package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.demo.DemoSite;
import io.herald.model.ExtractResult;
import io.herald.model.PageType;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every article of the bundled demo site (three hosts, three layouts: p-based, div-based, mixed) is fetched
 * over HTTP and extracted without site rules; the body text is judged against the paragraphs the site
 * rendered, by precision and recall of word 4-shingles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSiteExtractionTest {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;
    private static final double MIN_MEAN_F1 = 0.97;
    private static final double MIN_PAGE_F1 = 0.9;

    private final Vertx vertx = Vertx.vertx();
    private final DemoSite site = new DemoSite(vertx,
            new DemoSite.Options(List.of("127.0.0.2", "127.0.0.3", "127.0.0.4"), 0));
    // HTTP/1.1: the JDK client's h2c upgrade to the demo server hung a read twice on a loaded machine
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ArticleExtractor extractor = new ArticleExtractor(new ExtractConfig(1, 60, List.of()));
    private List<String> bases;

    /** One page's scores. */
    record Score(double precision, double recall, double f1) {
    }

    @BeforeAll
    void start() throws Exception {
        bases = site.start().await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        site.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void everyDemoArticleIsExtractedCleanlyWithoutSiteRules() throws Exception {
        DemoSite.Manifest manifest = site.manifest();
        Map<String, List<String>> expected = site.articleParagraphs();
        assertThat(manifest.articleUrls()).isNotEmpty();
        Map<String, List<Score>> byHost = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String url : new TreeSet<>(manifest.articleUrls())) {
            HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(res.statusCode()).as(url).isEqualTo(200);
            ExtractResult r = extractor.extract(res.body(), res.headers().firstValue("content-type").orElse(null), url);
            String text = r.article() == null ? "" : r.article().text();
            Score s = score(text, String.join("\n\n", expected.get(url)));
            byHost.computeIfAbsent(host(url), h -> new ArrayList<>()).add(s);
            problems(url, r, manifest, res.body(), s).forEach(p -> failures.add(url + ": " + p));
        }
        List<Score> all = byHost.values().stream().flatMap(List::stream).toList();
        print(byHost, all);
        assertThat(failures).isEmpty();
        assertThat(mean(all).f1()).isGreaterThanOrEqualTo(MIN_MEAN_F1);
        assertThat(byHost).hasSize(3);
    }

    @Test
    void demoFrontAndSectionPagesAreNotArticles() throws Exception {
        List<String> articles = new ArrayList<>();
        for (String base : bases) {
            for (String path : List.of("", "page/2/")) {
                HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (res.statusCode() != 200) {
                    continue;
                }
                ExtractResult r = extractor.extract(res.body(), res.headers().firstValue("content-type").orElse(null),
                        base + path);
                if (r.type() == PageType.ARTICLE) {
                    articles.add(base + path);
                }
            }
        }
        assertThat(articles).isEmpty();
    }

    private static List<String> problems(String url, ExtractResult r, DemoSite.Manifest manifest, byte[] html,
                                         Score s) {
        List<String> out = new ArrayList<>();
        if (r.type() != PageType.ARTICLE) {
            return List.of("type " + r.type());
        }
        if (!r.article().title().equals(manifest.titles().get(url))) {
            out.add("title " + r.article().title());
        }
        String text = r.article().text();
        for (String junk : List.of("Subscribe", "Never miss a story", "©")) {
            if (text.contains(junk)) {
                out.add("text holds " + junk);
            }
        }
        for (String headline : otherHeadlines(html, url, manifest.titles())) {
            if (text.contains(headline)) {
                out.add("text holds the related headline " + headline);
            }
        }
        if (s.f1() < MIN_PAGE_F1) {
            out.add(String.format(Locale.ROOT, "F1 %.3f, text: %s", s.f1(), text));
        }
        return out;
    }

    /** Titles of other demo articles that the page shows as link text: teasers that must not become body. */
    private static Set<String> otherHeadlines(byte[] html, String url, Map<String, String> titles) {
        Set<String> known = new HashSet<>(titles.values());
        known.remove(titles.get(url));
        Set<String> out = new HashSet<>();
        for (Element a : Jsoup.parse(new String(html, StandardCharsets.UTF_8), url).select("a")) {
            String t = a.text().strip();
            if (known.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static Score score(String got, String want) {
        Map<String, Integer> g = shingles(got);
        Map<String, Integer> w = shingles(want);
        int common = 0;
        for (Map.Entry<String, Integer> e : g.entrySet()) {
            common += Math.min(e.getValue(), w.getOrDefault(e.getKey(), 0));
        }
        double p = g.isEmpty() ? 0 : common / (double) total(g);
        double r = w.isEmpty() ? 0 : common / (double) total(w);
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static Map<String, Integer> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            out.merge(String.join(" ", words.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return out;
    }

    private static int total(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Score mean(List<Score> scores) {
        return new Score(scores.stream().mapToDouble(Score::precision).average().orElse(0),
                scores.stream().mapToDouble(Score::recall).average().orElse(0),
                scores.stream().mapToDouble(Score::f1).average().orElse(0));
    }

    private static String host(String url) {
        return URI.create(url).getHost();
    }

    private static void print(Map<String, List<Score>> byHost, List<Score> all) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s %5s %7s %7s %7s%n", "host", "pages",
                "P", "R", "F1"));
        byHost.forEach((host, scores) -> b.append(row(host, scores)));
        b.append(row("all", all));
        System.out.print(b);
    }

    private static String row(String label, List<Score> scores) {
        Score m = mean(scores);
        return String.format(Locale.ROOT, "%-12s %5d %7.3f %7.3f %7.3f%n", label, scores.size(), m.precision(),
                m.recall(), m.f1());
    }
}
