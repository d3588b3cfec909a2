package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.config.SiteRule;
import io.herald.model.ArticleContent;
import io.herald.model.ExtractResult;
import io.herald.model.ImageRef;
import io.herald.model.RelatedLink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each {@code extract/NAME.html} is extracted and compared with {@code NAME.expected.json}
 * (page type, title, date, authors, the exact paragraphs, related URLs, image credits, and more).
 * Run with {@code -Dextract.dump=true} to print what the extractor produced.
 */
class ExtractFixturesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    static final SiteRule RULE = new SiteRule(List.of("rules.example", "www.rules.example"), "h2.headline",
            ".story-grid .story-para", ".more-links a.more-link", "span.when", ".writer-name", List.of(".promo-strip"));
    static final ArticleExtractor EXTRACTOR = new ArticleExtractor(new ExtractConfig(2, 120, List.of(RULE)), CLOCK);

    static Stream<String> fixtures() {
        return Stream.of("wire-jsonld", "blog-no-jsonld", "portal-boilerplate", "front-page", "russian-cp1251",
                "latin1-header", "broken-jsonld", "graph-jsonld", "site-rule", "meridian-div-blocks",
                "meridian-related-blocks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesExpected(String name) throws IOException {
        JsonObject expected = new JsonObject(new String(resource(name + ".expected.json"), StandardCharsets.UTF_8));
        ExtractResult result = EXTRACTOR.extract(resource(name + ".html"), expected.getString("contentType"),
                expected.getString("url"));
        if (Boolean.getBoolean("extract.dump")) {
            System.out.println(name + " → " + dump(result).encodePrettily());
        }
        assertThat(result.type().name()).isEqualTo(expected.getString("type"));
        if (!"ARTICLE".equals(expected.getString("type"))) {
            assertThat(result.article()).isNull();
            return;
        }
        ArticleContent a = result.article();
        assertThat(a.title()).isEqualTo(expected.getString("title"));
        assertThat(a.publishedAt()).isEqualTo(expected.getString("publishedAt"));
        assertThat(a.authors()).containsExactlyElementsOf(strings(expected, "authors"));
        assertThat(a.text().split("\n\n")).containsExactlyElementsOf(strings(expected, "paragraphs"));
        assertThat(a.related().stream().map(RelatedLink::url).toList())
                .containsExactlyElementsOf(strings(expected, "related"));
        assertThat(a.images().stream().map(ImageRef::credit).toList())
                .containsExactlyElementsOf(strings(expected, "credits"));
        for (String key : List.of("canonicalUrl", "language", "siteName", "section", "method", "rule")) {
            if (expected.containsKey(key)) {
                assertThat(dump(result).getJsonObject("article").getValue(key)).as(key).isEqualTo(expected.getValue(key));
            }
        }
        if (expected.containsKey("flags")) {
            assertThat(a.extraction().flags()).containsExactlyElementsOf(strings(expected, "flags"));
        }
        assertThat(a.wordCount()).isEqualTo(TextCleaner.wordCount(a.text()));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ExtractFixturesTest.class.getResourceAsStream("/extract/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> strings(JsonObject o, String key) {
        JsonArray arr = o.getJsonArray(key, new JsonArray());
        return arr.stream().map(v -> v == null ? null : v.toString()).toList();
    }

    static JsonObject dump(ExtractResult r) {
        JsonObject out = new JsonObject().put("type", r.type().name());
        if (r.article() != null) {
            ArticleContent a = r.article();
            out.put("article", new JsonObject().put("title", a.title()).put("canonicalUrl", a.canonicalUrl())
                    .put("description", a.description()).put("authors", new JsonArray(a.authors()))
                    .put("publishedAt", a.publishedAt()).put("modifiedAt", a.modifiedAt()).put("section", a.section())
                    .put("tags", new JsonArray(a.tags())).put("language", a.language()).put("siteName", a.siteName())
                    .put("paragraphs", new JsonArray(List.of(a.text().split("\n\n")))).put("wordCount", a.wordCount())
                    .put("images", new JsonArray(a.images().stream().map(i -> new JsonObject().put("url", i.url())
                            .put("caption", i.caption()).put("credit", i.credit())).toList()))
                    .put("related", new JsonArray(a.related().stream().map(l -> l.url() + " | " + l.title()).toList()))
                    .put("method", a.extraction().method()).put("rule", a.extraction().rule())
                    .put("flags", new JsonArray(a.extraction().flags())));
        }
        out.put("links", new JsonArray(r.links().stream().map(l -> l.via() + " " + l.url()).toList()));
        return out;
    }
}
