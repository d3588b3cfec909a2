package io.herald.extract.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

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
        out.addAll(cleanEval("cleaneval", dir.resolve("cleaneval/cleaneval-dev"), dir.resolve("cleaneval/cleaneval-final")));
        out.addAll(cleanEval("cleanportaleval", dir.resolve("cleanportaleval")));
        out.addAll(dragnet(dir.resolve("dragnet/dragnet_data")));
        out.addAll(l3s(dir.resolve("l3s-gn1")));
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

    private static final Pattern URL_LINE = Pattern.compile("\\A\\s*URL: *(\\S*)[^\\n]*\\n?");

    /**
     * CleanEval's layout (also CleanPortalEval's): {@code input/ID.html} and {@code GoldStandard/ID.txt}, the
     * page's text as the annotators cleaned it, with a first line {@code URL: ...} and {@code <p>}, {@code <h>},
     * {@code <l>} marking paragraphs, headings and list items. The truth is that text without the URL line and
     * the markers (read as HTML, as chatnoir's converter does); the URL line gives the page's URL. Several
     * folders (CleanEval's development and final sets) form one set. Pages without a gold file are skipped.
     */
    static List<RealPage> cleanEval(String set, Path... dirs) {
        List<RealPage> out = new ArrayList<>();
        for (Path d : dirs) {
            for (GoldFile g : goldFiles(d)) {
                String id = g.id();
                Path html = g.html();
                String text = readString(g.gold());
                Matcher url = URL_LINE.matcher(text);
                String pageUrl = null;
                if (url.find()) {
                    pageUrl = url.group(1);
                    text = text.substring(url.end());
                }
                String truth = Jsoup.parse(text).body().text();
                if (Files.isRegularFile(html) && !truth.isBlank()) {
                    out.add(RealPage.text(set, (dirs.length > 1 ? d.getFileName() + "/" : "") + id, html, pageUrl, truth));
                }
            }
        }
        return out;
    }

    /** Dragnet's "Corrected" files end the article with this line; what follows it is the page's comments. */
    static final String DRAGNET_COMMENTS = "!@#$%^&*()  COMMENTS";

    /**
     * seomoz/dragnet_data as j-szulc/html-cleaning-dataset-merged keeps it: {@code input/ID.html} and
     * {@code GoldStandard/ID.txt} (Dragnet's {@code Corrected/ID.html.corrected.txt}, byte for byte): plain text
     * copied from the page by hand. The truth is the text before {@link #DRAGNET_COMMENTS}, the article without
     * its comments. The set gives no URLs.
     */
    static List<RealPage> dragnet(Path dir) {
        List<RealPage> out = new ArrayList<>();
        for (GoldFile g : goldFiles(dir)) {
            String id = g.id();
            Path html = g.html();
            String truth = readString(g.gold());
            int comments = truth.indexOf(DRAGNET_COMMENTS);
            if (comments >= 0) {
                truth = truth.substring(0, comments);
            }
            if (Files.isRegularFile(html) && !truth.isBlank()) {
                out.add(RealPage.text("dragnet", id, html, null, truth.strip()));
            }
        }
        return out;
    }

    /**
     * L3S-GN1 (Kohlschütter et al., WSDM 2010) as geodrome/page-signal keeps it: {@code original/UUID.html} and
     * {@code annotated/UUID.html}, the same page with the annotators' labels as {@code <span class="x-nc-selN">}.
     * The truth is the text of the leaf spans labelled headline ({@code x-nc-sel1}), full text ({@code 2}) and
     * supplemental ({@code 3}, e.g. captions), in page order, as chatnoir's converter reads it; comments
     * ({@code 5}) and related content ({@code 4}) are not. URLs come from {@code url-mapping.txt}.
     */
    static List<RealPage> l3s(Path dir) {
        Map<String, String> urls = new HashMap<>();
        Path mapping = dir.resolve("url-mapping.txt");
        if (Files.isRegularFile(mapping)) {
            for (String line : readString(mapping).split("\n")) {
                String[] f = line.split("\t");
                if (f.length == 2) {
                    urls.put(f[0].replace("<urn:uuid:", "").replace(">", "").strip(), f[1].strip());
                }
            }
        }
        List<RealPage> out = new ArrayList<>();
        for (Path annotated : list(dir.resolve("annotated"))) {
            String name = annotated.getFileName().toString();
            String id = name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
            Path html = dir.resolve("original").resolve(name);
            StringBuilder truth = new StringBuilder();
            for (Element e : Jsoup.parse(readString(annotated)).select(".x-nc-sel1, .x-nc-sel2, .x-nc-sel3")) {
                // leaves only: a labelled span inside a labelled span would count its text twice
                if (e.childNodeSize() == 1 && e.childNode(0) instanceof TextNode t) {
                    truth.append(t.text().strip()).append('\n');
                }
            }
            if (Files.isRegularFile(html) && !truth.toString().isBlank()) {
                out.add(RealPage.text("l3s-gn1", id, html, urls.get(id), truth.toString().strip()));
            }
        }
        return out;
    }

    /** A gold text {@code GoldStandard/ID.txt} and its page {@code input/ID.html} (which may be missing). */
    private record GoldFile(String id, Path gold, Path html) {
    }

    /** The gold texts of a CleanEval-layout folder (CleanEval, CleanPortalEval, Dragnet as j-szulc keeps it). */
    private static List<GoldFile> goldFiles(Path dir) {
        List<GoldFile> out = new ArrayList<>();
        for (Path gold : list(dir.resolve("GoldStandard"))) {
            String name = gold.getFileName().toString();
            if (name.endsWith(".txt")) {
                String id = name.substring(0, name.length() - 4);
                out.add(new GoldFile(id, gold, dir.resolve("input").resolve(id + ".html")));
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

    /**
     * A text file of a set, decoded as its bytes say: the sets' files are mostly UTF-8, but some gold files start
     * with a byte order mark (79 CleanEval files with UTF-8's, before their {@code URL:} line; 5 Dragnet files are
     * UTF-16LE) and some are Windows-1252 (38 Dragnet, 48 CleanEval: {@code 0x92} for an apostrophe).
     */
    static String readString(Path p) {
        byte[] b;
        try {
            b = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("windows-1252"));
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
