package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.ArticleContent;
import io.herald.model.Extraction;
import io.herald.model.ImageRef;
import io.herald.model.RelatedLink;
import io.herald.model.Via;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleJsonTest {
    static final List<String> CRAWL_KEYS = List.of("schema", "url", "canonicalUrl", "fetchedAt", "status", "host",
            "depth", "referrer", "via", "title", "description", "authors", "publishedAt", "modifiedAt", "section",
            "tags", "language", "siteName", "text", "wordCount", "images", "related", "contentHash", "extraction");
    static final List<String> EXTRACT_KEYS = List.of("schema", "source", "canonicalUrl", "title", "description",
            "authors", "publishedAt", "modifiedAt", "section", "tags", "language", "siteName", "text", "wordCount",
            "images", "related", "contentHash", "extraction");

    @Test
    void crawlLineHasEveryKeyInSchemaOrder() {
        JsonObject json = ArticleJson.toJson(TestArticles.full("http://127.0.0.2:8090/world/a"));
        assertThat(new ArrayList<>(json.fieldNames())).containsExactlyElementsOf(CRAWL_KEYS);
        assertThat(json.getString("schema")).isEqualTo("herald.article/1");
        assertThat(json.getString("via")).isEqualTo("related");
        assertThat(json.getJsonObject("extraction").fieldNames()).containsExactly("method", "rule", "flags");
        assertThat(json.getJsonArray("images").getJsonObject(0).fieldNames()).containsExactly("url", "caption", "credit");
        assertThat(json.getJsonArray("related").getJsonObject(0).fieldNames()).containsExactly("url", "title");
    }

    @Test
    void encodedKeyOrderIsTheSchemaOrder() {
        String line = ArticleJson.toJson(TestArticles.full("http://127.0.0.2:8090/world/a")).encode();
        int last = -1;
        for (String key : CRAWL_KEYS) {
            int at = line.indexOf("\"" + key + "\":");
            assertThat(at).as(key).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void absentValuesAreWrittenAsNullAndEmptyLists() {
        JsonObject json = ArticleJson.toJson(TestArticles.minimal("http://127.0.0.2:8090/a"));
        assertThat(new ArrayList<>(json.fieldNames())).containsExactlyElementsOf(CRAWL_KEYS);
        for (String key : List.of("canonicalUrl", "referrer", "title", "description", "publishedAt", "modifiedAt",
                "section", "language", "siteName", "text", "contentHash")) {
            assertThat(json.containsKey(key)).as(key).isTrue();
            assertThat(json.getValue(key)).as(key).isNull();
        }
        assertThat(json.getJsonArray("authors")).isEmpty();
        assertThat(json.getJsonArray("images")).isEmpty();
        assertThat(json.getJsonObject("extraction"))
                .isEqualTo(new JsonObject().put("method", null).put("rule", null).put("flags", new JsonArray()));
        assertThat(json.encode()).contains("\"canonicalUrl\":null").contains("\"extraction\":{\"method\":null");
    }

    @Test
    void fetchedAtIsUtcWithZAndMilliseconds() {
        JsonObject json = ArticleJson.toJson(TestArticles.minimal("http://127.0.0.2:8090/a"));
        assertThat(json.getString("fetchedAt")).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(json.getString("via")).isEqualTo("seed");
        assertThat(json.getInteger("status")).isEqualTo(200);
        assertThat(json.getInteger("depth")).isZero();
    }

    @Test
    void contentHashIsSha256OfUtf8Text() {
        // sha256("hello") and sha256("é") (bytes C3 A9), from sha256sum.
        assertThat(ArticleJson.contentHash("hello"))
                .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(ArticleJson.contentHash("\u00e9"))
                .isEqualTo("sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
        assertThat(ArticleJson.contentHash(null)).isNull();
        JsonObject json = ArticleJson.toJson(TestArticles.withCanonical("http://127.0.0.2:8090/a", null));
        assertThat(json.getString("contentHash")).isEqualTo(ArticleJson.contentHash("Some text here."));
    }

    @ParameterizedTest
    @CsvSource({"2017-02-23, 2017-02-23", "2017-02-23T14:05:00+03:00, 2017-02-23T14:05:00+03:00",
            "2017-02-23T14:05Z, 2017-02-23T14:05Z", "2017-02-23T14:05:00.5+0300, 2017-02-23T14:05:00.5+0300",
            "'Feb 23, 2017', ", "yesterday, ", "2017-2-3, "})
    void pageDatesThatAreNotIsoAreWrittenAsNull(String given, String written) {
        assertThat(ArticleJson.isoDateOrNull(given)).isEqualTo(written);
    }

    @Test
    void imagesAndRelatedWithoutUrlAreLeftOut() {
        ArticleContent content = new ArticleContent(null, "t", null, List.of(), null, null, null, List.of(), null,
                null, "x", 1, List.of(new ImageRef(null, "orphan caption", null), new ImageRef("http://h/i.jpg", null, null)),
                List.of(new RelatedLink(" ", "no url"), new RelatedLink("http://h/r", null)),
                new Extraction("generic", null, List.of()));
        JsonObject json = ArticleJson.toJson(content, "page.html");
        assertThat(json.getJsonArray("images")).hasSize(1);
        assertThat(json.getJsonArray("images").getJsonObject(0).getValue("caption")).isNull();
        assertThat(json.getJsonArray("related")).hasSize(1);
    }

    @Test
    void extractShapeHasSourceAndNoCrawlFields() {
        JsonObject json = ArticleJson.toJson(TestArticles.full("http://x/a").content(), "saved/page.html");
        assertThat(new ArrayList<>(json.fieldNames())).containsExactlyElementsOf(EXTRACT_KEYS);
        assertThat(json.getString("schema")).isEqualTo("herald.extract/1");
        assertThat(json.getString("source")).isEqualTo("saved/page.html");
    }

    @Test
    void crawlIdentityIsRequired() {
        Article noVia = new Article("http://h/a", TestArticles.FETCHED, 200, "h", 0, null, null,
                TestArticles.minimalContent(null, "t"));
        assertThatThrownBy(() -> ArticleJson.toJson(noVia)).isInstanceOf(NullPointerException.class).hasMessage("via");
    }

    @Test
    void awkwardTextStaysOnOneLineAndRoundTrips() {
        String text = "Line one.\nLine two\r\nwith \"quotes\", a back\\slash, a tab\t, NUL \u0000,\n\n"
                + "Unicode: \u00e9 \u4e2d\u6587 \ud83d\udcf0, separators \u2028 \u2029 and NEL \u0085.";
        Article article = new Article("http://h/a", TestArticles.FETCHED, 200, "h", 0, null, Via.SEED,
                TestArticles.minimalContent(null, text));
        byte[] line = JsonLine.encode(ArticleJson.toJson(article));
        String decoded = new String(line, StandardCharsets.UTF_8);

        assertThat(decoded).endsWith("\n");
        String body = decoded.substring(0, decoded.length() - 1);
        assertThat(body).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
        assertThat(body.lines()).hasSize(1);
        assertThat(body).contains("\u4e2d\u6587").contains("\ud83d\udcf0"); // written as UTF-8, not escaped
        assertThat(new JsonObject(body).getString("text")).isEqualTo(text);
    }

    static List<String> awkwardStrings() {
        return List.of("plain text",
                "Line one.\nLine two\r\nwith \"quotes\", a back\\slash, a tab\t, NUL \u0000 and \u001f",
                "Unicode: \u00e9 \u4e2d\u6587 \ud83d\udcf0, separators \u2028 \u2029 and NEL \u0085, </script> &amp; \u007f",
                "a lone surrogate \ud800 and a lone low \udc00 half");
    }

    /** What the sink writes ({@link ArticleJson#line}) is byte for byte the encoding of the object tree. */
    @ParameterizedTest
    @MethodSource("awkwardStrings")
    void streamedLineIsTheEncodedTreeByteForByte(String text) {
        for (Article article : List.of(TestArticles.full("http://127.0.0.2:8090/world/a"), TestArticles.minimal("http://h/a"),
                new Article("http://h/a?q=" + text, TestArticles.FETCHED, 404, "h", 3, text, Via.LINK,
                        new ArticleContent(text, text, text, List.of(text, ""), "2024-01-01", "junk", text, List.of(text),
                                text, text, text, 7, List.of(new ImageRef("http://i/" + text, text, null),
                                new ImageRef(" ", "dropped", null)), List.of(new RelatedLink("http://r/", text)),
                                new Extraction(text, null, List.of(text)))))) {
            assertThat(ArticleJson.line(article)).isEqualTo(JsonLine.encode(ArticleJson.toJson(article)));
        }
    }

    @Test
    void streamedLineNeedsTheCrawlIdentityToo() {
        Article noVia = new Article("http://h/a", TestArticles.FETCHED, 200, "h", 0, null, null,
                TestArticles.minimalContent(null, "t"));
        assertThatThrownBy(() -> ArticleJson.line(noVia)).isInstanceOf(NullPointerException.class).hasMessage("via");
    }
}
