package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.WarcRef;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema and the code that writes lines must agree. */
class ArticleSchemaTest {
    static final Path SCHEMA_FILE = Path.of("docs/schema/herald.article-1.schema.json");
    static JsonObject schema;
    static Validator validator;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = new JsonObject(Files.readString(SCHEMA_FILE));
        validator = validatorFor(schema);
    }

    static Validator validatorFor(JsonObject schemaJson) {
        return Validator.create(JsonSchema.of(schemaJson),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://herald.invalid/"));
    }

    @Test
    void fullAndMinimalArticlesAreValid() {
        assertValid(ArticleJson.toJson(TestArticles.full("http://127.0.0.2:8090/world/a")));
        assertValid(ArticleJson.toJson(TestArticles.minimal("http://127.0.0.2:8090/a")));
        assertValid(ArticleJson.toJson(TestArticles.withCanonical("http://127.0.0.2:8090/a", "http://h/c")));
    }

    @Test
    void anArticleNamingItsWarcRecordIsValid() {
        Article article = TestArticles.full("http://127.0.0.2:8090/world/a")
                .withWarc(new WarcRef("herald-20260301101530-00001.warc.gz", 1234));
        assertValid(ArticleJson.toJson(article));
        JsonObject line = new JsonObject(new String(ArticleJson.line(article), StandardCharsets.UTF_8));
        assertThat(line.getJsonObject("warc")).isEqualTo(new JsonObject()
                .put("file", "herald-20260301101530-00001.warc.gz").put("offset", 1234));
        assertThat(new ArrayList<>(line.fieldNames())).endsWith("extraction", "warc");
        assertThat(ArticleJson.line(article)).isEqualTo(JsonLine.encode(ArticleJson.toJson(article)));
        JsonObject good = ArticleJson.toJson(article);
        for (JsonObject bad : List.of(good.copy().put("warc", new JsonObject().put("file", "x.warc.gz").put("offset", 1)),
                good.copy().put("warc", new JsonObject().put("file", "herald-20260301101530-00001.warc.gz")),
                good.copy().put("warc", new JsonObject().put("file", "herald-20260301101530-00001.warc.gz")
                        .put("offset", -1)))) {
            assertThat(validator.validate(bad).getValid()).as(bad.encode()).isFalse();
        }
    }

    @Test
    void anUpdateIsValidAndNamesItsVersionAfterEverythingElseAndAFirstVersionSaysNothing() {
        Article update = TestArticles.full("http://127.0.0.2:8090/world/a")
                .withWarc(new WarcRef("herald-20260301101530-00001.warc.gz", 1234)).withVersion(3);
        JsonObject line = new JsonObject(new String(ArticleJson.line(update), StandardCharsets.UTF_8));
        assertValid(line);
        assertThat(new ArrayList<>(line.fieldNames())).endsWith("extraction", "warc", "version", "update");
        assertThat(line.getInteger("version")).isEqualTo(3);
        assertThat(line.getBoolean("update")).isTrue();
        assertThat(ArticleJson.line(update)).isEqualTo(JsonLine.encode(ArticleJson.toJson(update)));
        Article first = TestArticles.full("http://127.0.0.2:8090/world/a");
        assertThat(ArticleJson.line(first.withVersion(1))).isEqualTo(ArticleJson.line(first));
        assertThat(ArticleJson.toJson(first).containsKey("version")).isFalse();
        JsonObject good = ArticleJson.toJson(update);
        for (JsonObject bad : List.of(good.copy().put("version", 1), good.copy().put("update", false),
                ArticleJson.toJson(first).put("version", 2), ArticleJson.toJson(first).put("update", true))) {
            assertThat(validator.validate(bad).getValid()).as(bad.encode()).isFalse();
        }
    }

    @Test
    void schemaListsExactlyTheKeysWrittenInTheirOrder() {
        // the optional keys come last: warc only with output.warc, version and update only on an update
        List<String> all = concat(concat(concat(ArticleJsonTest.CRAWL_KEYS, "warc"), "version"), "update");
        assertThat(new ArrayList<>(schema.getJsonObject("properties").fieldNames())).containsExactlyElementsOf(all);
        assertThat(schema.getJsonArray("required").stream().map(String::valueOf).toList())
                .containsExactlyElementsOf(ArticleJsonTest.CRAWL_KEYS);
        assertThat(schema.getString("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    private static List<String> concat(List<String> keys, String last) {
        List<String> all = new ArrayList<>(keys);
        all.add(last);
        return all;
    }

    @Test
    void schemaDatePatternIsTheOneTheCodeApplies() {
        assertThat(schema.getJsonObject("$defs").getJsonObject("pageDate").getString("pattern"))
                .isEqualTo(ArticleJson.ISO_DATE.pattern());
    }

    @Test
    void negativeControlsAreRejected() {
        JsonObject good = ArticleJson.toJson(TestArticles.full("http://127.0.0.2:8090/world/a"));
        List<JsonObject> bad = List.of(
                without(good.copy(), "title"),
                good.copy().put("extra", 1),
                good.copy().put("fetchedAt", "2026-03-01 10:15"),
                good.copy().put("via", "SEED"),
                good.copy().put("depth", -1),
                good.copy().put("url", null),
                good.copy().put("contentHash", "sha256:XYZ"),
                good.copy().put("publishedAt", "23 Feb 2017"),
                good.copy().put("images", new JsonArray().add(new JsonObject().put("url", "http://h/i.jpg"))),
                good.copy().put("extraction", new JsonObject().put("method", "x").put("rule", null)));
        for (JsonObject line : bad) {
            assertThat(validator.validate(line).getValid()).as(line.encode()).isFalse();
        }
    }

    @Test
    void extractShapeIsTheArticleSchemaWithSourceInsteadOfCrawlFields() {
        // herald extract output has no schema file of its own: it is this schema minus the crawl fields.
        JsonObject extract = schema.copy();
        JsonObject properties = new JsonObject().put("schema", new JsonObject().put("const", "herald.extract/1"))
                .put("source", new JsonObject().put("type", "string"));
        schema.getJsonObject("properties").forEach(e -> {
            if (ArticleJsonTest.EXTRACT_KEYS.contains(e.getKey()) && !e.getKey().equals("schema")) {
                properties.put(e.getKey(), e.getValue());
            }
        });
        extract.put("properties", properties).put("required", new JsonArray(ArticleJsonTest.EXTRACT_KEYS));
        Validator extractValidator = validatorFor(extract);

        OutputUnit result = extractValidator.validate(
                ArticleJson.toJson(TestArticles.full("http://h/a").content(), "page.html"));
        assertThat(result.getValid()).as(result.toString()).isTrue();
        assertThat(extractValidator.validate(ArticleJson.toJson(TestArticles.full("http://h/a"))).getValid())
                .isFalse();
    }

    @Test
    void sampleLineInTheDocsIsValidAndItsHashIsRight() throws IOException {
        String sample = Files.readAllLines(Path.of("docs/output.md")).stream()
                .filter(l -> l.startsWith("{\"schema\":\"herald.article/1\""))
                .findFirst().orElseThrow();
        JsonObject line = new JsonObject(sample);
        assertValid(line);
        assertThat(line.getString("contentHash")).isEqualTo(ArticleJson.contentHash(line.getString("text")));
    }

    private static void assertValid(JsonObject line) {
        OutputUnit result = validator.validate(line);
        assertThat(result.getValid()).as("%s%n%s", line.encode(), result).isTrue();
    }

    private static JsonObject without(JsonObject json, String key) {
        json.remove(key);
        return json;
    }
}
