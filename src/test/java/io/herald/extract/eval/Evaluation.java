package io.herald.extract.eval;

import io.herald.extract.ArticleExtractor;
import io.herald.model.ArticleContent;
import io.herald.model.ExtractResult;
import io.herald.model.RelatedLink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the extractor over an evaluation set (a folder of {@code NAME.html} pages, each with a
 * {@code NAME.json} of what a reader would call its title, date, authors, body paragraphs, related links,
 * page type and quality flags) and scores it page by page.
 */
public final class Evaluation {
    private final ArticleExtractor extractor;

    public Evaluation(ArticleExtractor extractor) {
        this.extractor = extractor;
    }

    /** The pages of a set, by name, in name order. */
    public static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EvalReport run(Path dir) {
        return new EvalReport(names(dir).stream().map(n -> score(dir, n)).toList());
    }

    public ExtractResult extract(Path dir, String name) {
        JsonObject expected = expected(dir, name);
        return extractor.extract(read(dir.resolve(name + ".html")), expected.getString("contentType"),
                expected.getString("url"));
    }

    public static JsonObject expected(Path dir, String name) {
        return new JsonObject(new String(read(dir.resolve(name + ".json")), StandardCharsets.UTF_8));
    }

    PageScore score(Path dir, String name) {
        JsonObject exp = expected(dir, name);
        ExtractResult result = extract(dir, name);
        String expectedType = exp.getString("type");
        String actualType = result.type().name().toLowerCase(Locale.ROOT);
        ArticleContent a = result.article();
        List<String> actualFlags = new ArrayList<>(a != null ? a.extraction().flags() : result.flags());
        actualFlags.removeIf(f -> f.startsWith("rule-missed"));
        boolean flags = new HashSet<>(strings(exp, "flags")).equals(new HashSet<>(actualFlags));
        List<String> notes = new ArrayList<>();
        if (!"article".equals(expectedType)) {
            return new PageScore(name, false, expectedType, actualType, 0, 0, false, false, false, 0, 0, flags, notes);
        }
        if (a == null) {
            notes.add("no article");
            return new PageScore(name, true, expectedType, actualType, 0, 0, false, false, false, 0, 0, flags, notes);
        }
        Shingles want = Shingles.of(String.join("\n\n", strings(exp, "paragraphs")));
        Shingles got = Shingles.of(a.text());
        int overlap = got.overlap(want);
        double precision = got.size() == 0 ? 0 : overlap / (double) got.size();
        double recall = want.size() == 0 ? 1 : overlap / (double) want.size();
        boolean title = Objects.equals(exp.getString("title"), a.title());
        boolean date = sameDate(exp.getString("publishedAt"), a.publishedAt());
        boolean authors = new HashSet<>(strings(exp, "authors")).equals(new HashSet<>(a.authors()));
        return new PageScore(name, true, expectedType, actualType, precision, recall, title, date, authors,
                relatedRecall(strings(exp, "related"), a.related()), relatedPrecision(strings(exp, "related"), a.related()),
                flags, notes);
    }

    /** Equal strings, or the same instant when both carry a time and an offset. */
    static boolean sameDate(String expected, String actual) {
        if (Objects.equals(expected, actual)) {
            return true;
        }
        if (expected == null || actual == null) {
            return false;
        }
        try {
            return OffsetDateTime.parse(expected).isEqual(OffsetDateTime.parse(actual));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static double relatedRecall(List<String> expected, List<RelatedLink> actual) {
        if (expected.isEmpty()) {
            return 1;
        }
        Set<String> got = new HashSet<>();
        actual.forEach(r -> got.add(r.url()));
        return expected.stream().filter(got::contains).count() / (double) expected.size();
    }

    /** Share of the related links found that the page really offers as related stories; 1 when none found. */
    private static double relatedPrecision(List<String> expected, List<RelatedLink> actual) {
        if (actual.isEmpty()) {
            return 1;
        }
        return actual.stream().filter(r -> expected.contains(r.url())).count() / (double) actual.size();
    }

    static List<String> strings(JsonObject o, String key) {
        JsonArray arr = o.getJsonArray(key, new JsonArray());
        List<String> out = new ArrayList<>();
        arr.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
