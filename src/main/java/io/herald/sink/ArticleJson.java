package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.ArticleContent;
import io.herald.model.Extraction;
import io.herald.model.ImageRef;
import io.herald.model.RelatedLink;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code herald.article/1} schema in code: turns an article into the JSON object of one output line.
 * Keys come in the documented order and are always all present (absent values are {@code null}, absent
 * lists {@code []}), so lines can be diffed and read by column. See {@code docs/output.md}.
 */
public final class ArticleJson {
    /** The {@code schema} value of a crawl line. */
    public static final String SCHEMA = "herald.article/1";
    /** The {@code schema} value of {@code herald extract} output (content only, no crawl fields). */
    public static final String EXTRACT_SCHEMA = "herald.extract/1";

    /**
     * ISO-8601 date, optionally with a time and offset. The same pattern is in the JSON Schema; a page date
     * that does not match is written as null rather than making the line break its own schema.
     */
    static final Pattern ISO_DATE = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$");

    /**
     * Jackson with its default generator settings, as Vert.x's own codec has them: {@link #line} writes through
     * the same kind of generator (characters, then UTF-8) that {@code JsonObject.encode()} uses, so the bytes are
     * the same as encoding {@link #toJson(Article)}; only the object tree in between is gone.
     */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ArticleJson() {
    }

    /**
     * The crawl line of {@code article}, newline included: exactly {@code JsonLine.encode(toJson(article))},
     * written straight from the record with Jackson's generator instead of through a {@link JsonObject}.
     */
    public static byte[] line(Article article) {
        ArticleContent content = Objects.requireNonNull(article.content(), "content");
        String url = Objects.requireNonNull(article.url(), "url");
        String fetchedAt = Objects.requireNonNull(article.fetchedAt(), "fetchedAt").truncatedTo(ChronoUnit.MILLIS).toString();
        String host = Objects.requireNonNull(article.host(), "host");
        String via = Objects.requireNonNull(article.via(), "via").jsonName();
        StringWriter out = new StringWriter(1024 + (content.text() == null ? 0 : content.text().length() + 64));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("url", url);
            g.writeStringField("canonicalUrl", content.canonicalUrl());
            g.writeStringField("fetchedAt", fetchedAt);
            g.writeNumberField("status", article.status());
            g.writeStringField("host", host);
            g.writeNumberField("depth", article.depth());
            g.writeStringField("referrer", article.referrer());
            g.writeStringField("via", via);
            writeContent(g, content);
            if (article.warc() != null) { // only with output.warc, so lines without it stay as they were
                g.writeObjectFieldStart("warc");
                g.writeStringField("file", article.warc().file());
                g.writeNumberField("offset", article.warc().offset());
                g.writeEndObject();
            }
            if (article.update()) { // only on updates, so a first version's line stays as it always was
                g.writeNumberField("version", article.version());
                g.writeBooleanField("update", true);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return JsonLine.encode(out.toString());
    }

    /** The whole crawl line of {@code article}. Crawl identity (url, fetchedAt, host, via) must be present. */
    public static JsonObject toJson(Article article) {
        ArticleContent content = Objects.requireNonNull(article.content(), "content");
        JsonObject json = new JsonObject()
                .put("schema", SCHEMA)
                .put("url", Objects.requireNonNull(article.url(), "url"))
                .put("canonicalUrl", content.canonicalUrl())
                // Millisecond precision: enough for ordering, and keeps the string length stable.
                .put("fetchedAt", Objects.requireNonNull(article.fetchedAt(), "fetchedAt")
                        .truncatedTo(ChronoUnit.MILLIS).toString())
                .put("status", article.status())
                .put("host", Objects.requireNonNull(article.host(), "host"))
                .put("depth", article.depth())
                .put("referrer", article.referrer())
                .put("via", Objects.requireNonNull(article.via(), "via").jsonName());
        putContent(json, content);
        if (article.warc() != null) {
            json.put("warc", new JsonObject().put("file", article.warc().file()).put("offset", article.warc().offset()));
        }
        if (article.update()) {
            json.put("version", article.version()).put("update", true);
        }
        return json;
    }

    /** What {@code herald extract} prints: {@code schema}, {@code source}, then the content fields. */
    public static JsonObject toJson(ArticleContent content, String source) {
        JsonObject json = new JsonObject()
                .put("schema", EXTRACT_SCHEMA)
                .put("source", source)
                .put("canonicalUrl", content.canonicalUrl());
        return putContent(json, content);
    }

    /** {@code sha256:} and the lower-case hex digest of the UTF-8 text; null for null text. */
    public static String contentHash(String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    // Everything after canonicalUrl, shared by both shapes so they cannot drift apart.
    private static JsonObject putContent(JsonObject json, ArticleContent c) {
        return json
                .put("title", c.title())
                .put("description", c.description())
                .put("authors", new JsonArray(new ArrayList<>(c.authors())))
                .put("publishedAt", isoDateOrNull(c.publishedAt()))
                .put("modifiedAt", isoDateOrNull(c.modifiedAt()))
                .put("section", c.section())
                .put("tags", new JsonArray(new ArrayList<>(c.tags())))
                .put("language", c.language())
                .put("siteName", c.siteName())
                .put("text", c.text())
                .put("wordCount", c.wordCount())
                .put("images", images(c.images()))
                .put("related", related(c.related()))
                .put("contentHash", contentHash(c.text()))
                .put("extraction", extraction(c.extraction()));
    }

    // The same keys, order and rules as putContent, written as they come.
    private static void writeContent(JsonGenerator g, ArticleContent c) throws IOException {
        g.writeStringField("title", c.title());
        g.writeStringField("description", c.description());
        writeStrings(g, "authors", c.authors());
        g.writeStringField("publishedAt", isoDateOrNull(c.publishedAt()));
        g.writeStringField("modifiedAt", isoDateOrNull(c.modifiedAt()));
        g.writeStringField("section", c.section());
        writeStrings(g, "tags", c.tags());
        g.writeStringField("language", c.language());
        g.writeStringField("siteName", c.siteName());
        g.writeStringField("text", c.text());
        g.writeNumberField("wordCount", c.wordCount());
        g.writeArrayFieldStart("images");
        for (ImageRef image : c.images()) {
            if (hasText(image.url())) {
                g.writeStartObject();
                g.writeStringField("url", image.url());
                g.writeStringField("caption", image.caption());
                g.writeStringField("credit", image.credit());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("related");
        for (RelatedLink link : c.related()) {
            if (hasText(link.url())) {
                g.writeStartObject();
                g.writeStringField("url", link.url());
                g.writeStringField("title", link.title());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeStringField("contentHash", contentHash(c.text()));
        Extraction x = c.extraction();
        g.writeObjectFieldStart("extraction");
        g.writeStringField("method", x == null ? null : x.method());
        g.writeStringField("rule", x == null ? null : x.rule());
        writeStrings(g, "flags", x == null ? List.of() : x.flags());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static String isoDateOrNull(String date) {
        return date != null && ISO_DATE.matcher(date).matches() ? date : null;
    }

    // An image or related link without a URL says nothing a reader could follow, so it is left out.
    private static JsonArray images(List<ImageRef> images) {
        JsonArray array = new JsonArray();
        for (ImageRef image : images) {
            if (hasText(image.url())) {
                array.add(new JsonObject().put("url", image.url()).put("caption", image.caption())
                        .put("credit", image.credit()));
            }
        }
        return array;
    }

    private static JsonArray related(List<RelatedLink> links) {
        JsonArray array = new JsonArray();
        for (RelatedLink link : links) {
            if (hasText(link.url())) {
                array.add(new JsonObject().put("url", link.url()).put("title", link.title()));
            }
        }
        return array;
    }

    private static JsonObject extraction(Extraction extraction) {
        if (extraction == null) {
            return new JsonObject().put("method", null).put("rule", null).put("flags", new JsonArray());
        }
        return new JsonObject()
                .put("method", extraction.method())
                .put("rule", extraction.rule())
                .put("flags", new JsonArray(new ArrayList<>(extraction.flags())));
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
