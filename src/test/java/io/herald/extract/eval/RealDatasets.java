package io.herald.extract.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Reads the public evaluation sets in the layout {@code scripts/fetch-eval-data} leaves under
 * {@code eval-data/}: each set is read in its own repository's format, so the script only copies files.
 * A set whose folder is missing yields no pages.
 */
public final class RealDatasets {
    /** Never read, even when present: it stays an independent check (see docs/extraction.md). */
    static final String EXCLUDED = "scrapinghub";

    private RealDatasets() {
    }

    /** Every page of every set found under {@code dir}, set by set, each in file-name order. */
    public static List<RealPage> all(Path dir) {
        List<RealPage> out = new ArrayList<>();
        out.addAll(trafilatura(dir.resolve("trafilatura")));
        out.addAll(readability(dir.resolve("readability")));
        out.addAll(chatnoir(dir.resolve("chatnoir")));
        return out;
    }

    /**
     * adbar/trafilatura's evaluation: {@code tests/evaldata.json} maps each page's URL to its file (looked for
     * in {@code tests/cache}, then {@code tests/eval}, as trafilatura's {@code eval_common.resolve} does) and
     * its snippets. A page whose file is missing is skipped.
     */
    static List<RealPage> trafilatura(Path dir) {
        Path tests = dir.resolve("tests");
        Path json = tests.resolve("evaldata.json");
        if (!Files.isRegularFile(json)) {
            return List.of();
        }
        JsonObject data = new JsonObject(readString(json));
        List<RealPage> out = new ArrayList<>();
        for (String url : data.fieldNames().stream().sorted().toList()) {
            JsonObject item = data.getJsonObject(url);
            String file = item.getString("file");
            Path html = Stream.of(tests.resolve("cache").resolve(file), tests.resolve("eval").resolve(file))
                    .filter(Files::isRegularFile).findFirst().orElse(null);
            if (html != null) {
                out.add(RealPage.snippets("trafilatura", file, html, url, strings(item.getJsonArray("with")),
                        strings(item.getJsonArray("without"))));
            }
        }
        return out;
    }

    /**
     * mozilla/readability's test pages: {@code test/test-pages/CASE/source.html} and the article Readability.js
     * is expected to return, {@code expected.html}, whose text is the truth (as chatnoir's converter takes it).
     */
    static List<RealPage> readability(Path dir) {
        Path pages = dir.resolve("test/test-pages");
        List<RealPage> out = new ArrayList<>();
        for (Path c : list(pages)) {
            Path source = c.resolve("source.html");
            Path expected = c.resolve("expected.html");
            if (Files.isRegularFile(source) && Files.isRegularFile(expected)) {
                String truth = Jsoup.parse(readString(expected)).body().text();
                out.add(RealPage.text("readability", c.getFileName().toString(), source, null, truth));
            }
        }
        return out.stream().filter(p -> !p.truth().isBlank()).toList();
    }

    /**
     * chatnoir-eu/web-content-extraction-benchmark's combined datasets: {@code ground-truth/SET.jsonl} (lines of
     * {@code page_id}, {@code plaintext}, optional {@code url}) and {@code html/SET/PAGE_ID.html}. Pages with an
     * empty truth or no HTML file are skipped; the Scrapinghub set is never read.
     */
    static List<RealPage> chatnoir(Path dir) {
        List<RealPage> out = new ArrayList<>();
        for (Path jsonl : list(dir.resolve("ground-truth"))) {
            String name = jsonl.getFileName().toString();
            if (!name.endsWith(".jsonl") || name.equals(EXCLUDED + ".jsonl")) {
                continue;
            }
            String set = name.substring(0, name.length() - ".jsonl".length());
            for (String line : readString(jsonl).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject j = new JsonObject(line);
                String id = j.getString("page_id");
                Path html = dir.resolve("html").resolve(set).resolve(id + ".html");
                String truth = j.getString("plaintext", "");
                if (Files.isRegularFile(html) && !truth.isBlank()) {
                    out.add(RealPage.text("chatnoir/" + set, id, html, j.getString("url"), truth));
                }
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    static String readString(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
