package io.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers of the public sets, on miniature copies of each repository's layout. */
class RealDatasetsTest {
    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        write(dir, path, content);
    }

    /** Writes {@code content} to {@code dir/path}, making its folders: a miniature copy of a set's layout. */
    static void write(Path dir, String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void trafilaturaPagesAreFoundInCacheFirstThenEvalAndMissingFilesAreSkipped() throws IOException {
        write("trafilatura/tests/evaldata.json", """
                {"https://b.example/1": {"file": "both.html", "with": ["kept text"], "without": ["menu"]},
                 "https://a.example/2": {"file": "only-eval.html", "with": ["x", "y"], "without": ["z"]},
                 "https://c.example/3": {"file": "gone.html", "with": ["x"], "without": ["y"]}}
                """);
        write("trafilatura/tests/cache/both.html", "<p>cache copy</p>");
        write("trafilatura/tests/eval/both.html", "<p>eval copy</p>");
        write("trafilatura/tests/eval/only-eval.html", "<p>x</p>");

        List<RealPage> pages = RealDatasets.trafilatura(dir.resolve("trafilatura"));

        assertThat(pages).extracting(RealPage::id).containsExactly("only-eval.html", "both.html");
        RealPage both = pages.get(1);
        assertThat(both.html()).isEqualTo(dir.resolve("trafilatura/tests/cache/both.html"));
        assertThat(both.url()).isEqualTo("https://b.example/1");
        assertThat(both.with()).containsExactly("kept text");
        assertThat(both.without()).containsExactly("menu");
        assertThat(both.snippetScored()).isTrue();
    }

    @Test
    void readabilityTruthIsTheTextOfTheExpectedArticle() throws IOException {
        write("readability/test/test-pages/case-a/source.html", "<html><body><p>page</p></body></html>");
        write("readability/test/test-pages/case-a/expected.html",
                "<div id=\"readability-page-1\"><p>First para.</p><p>Second <b>bold</b> para.</p></div>");
        write("readability/test/test-pages/no-expected/source.html", "<p>x</p>");

        List<RealPage> pages = RealDatasets.readability(dir.resolve("readability"));

        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("case-a");
            assertThat(p.truth()).isEqualTo("First para. Second bold para.");
            assertThat(p.url()).isEqualTo(RealPage.NO_URL);
            assertThat(p.snippetScored()).isFalse();
        });
    }

    @Test
    void chatnoirSetsAreReadWithoutScrapinghubAndWithoutEmptyTruths() throws IOException {
        write("chatnoir/ground-truth/cleaneval.jsonl", """
                {"page_id": "p1", "plaintext": "Main text here.", "url": "http://site.example/a", "source": ["cleaneval", "1"]}
                {"page_id": "p2", "plaintext": "  ", "source": ["cleaneval", "2"]}
                {"page_id": "p3", "plaintext": "No html file.", "source": ["cleaneval", "3"]}

                {"page_id": "p4", "plaintext": "No URL given.", "source": ["cleaneval", "4"]}
                """);
        write("chatnoir/ground-truth/scrapinghub.jsonl", "{\"page_id\": \"s1\", \"plaintext\": \"never read\"}\n");
        for (String p : List.of("cleaneval/p1", "cleaneval/p2", "cleaneval/p4", "scrapinghub/s1")) {
            write("chatnoir/html/" + p + ".html", "<p>x</p>");
        }

        List<RealPage> pages = RealDatasets.chatnoir(dir.resolve("chatnoir"));

        assertThat(pages).extracting(RealPage::id).containsExactly("p1", "p4");
        assertThat(pages).extracting(RealPage::dataset).containsOnly("chatnoir/cleaneval");
        assertThat(pages).extracting(RealPage::url).containsExactly("http://site.example/a", RealPage.NO_URL);
        assertThat(pages.get(0).truth()).isEqualTo("Main text here.");
    }

    @Test
    void cleanEvalTruthDropsTheUrlLineAndMarkersAndTheSetSpansItsFolders() throws IOException {
        write("cleaneval/cleaneval-dev/GoldStandard/1.txt", """
                URL: http://site.example/page.html

                <h> A heading
                <p> First &amp; only
                   paragraph.
                <l> a list item
                """);
        write("cleaneval/cleaneval-dev/input/1.html", "<text id=\"http://site.example/page.html\" title=\"t\">\n<html></html>\n</text>\n");
        write("cleaneval/cleaneval-final/GoldStandard/7.txt", "<p> No URL line.");
        write("cleaneval/cleaneval-final/input/7.html", "<p>x</p>");
        write("cleaneval/cleaneval-final/GoldStandard/8.txt", "URL: http://x.example/\n<p> no input file");

        List<RealPage> pages = RealDatasets.cleanEval("cleaneval", dir.resolve("cleaneval/cleaneval-dev"),
                dir.resolve("cleaneval/cleaneval-final"));

        assertThat(pages).extracting(RealPage::id).containsExactly("cleaneval-dev/1", "cleaneval-final/7");
        assertThat(pages.get(0).truth()).isEqualTo("A heading First & only paragraph. a list item");
        assertThat(pages.get(0).url()).isEqualTo("http://site.example/page.html");
        assertThat(pages.get(1).url()).isEqualTo(RealPage.NO_URL);
        assertThat(pages.get(1).truth()).isEqualTo("No URL line.");
    }

    @Test
    void theCleanEvalWrapperIsStrippedFromThePageBytesAndOtherPagesAreReadAsTheyAre() throws IOException {
        write("a.html", "\n<text id=\"http://s.example/\" title=\"t\" encoding=\"unset\">\n<html><body>caf\u00e9</body></html>\n</text>\n");
        write("b.html", "<html><body><text>svg text</text></body></html>");

        RealPage a = RealPage.text("cleaneval", "a", dir.resolve("a.html"), null, "x");
        RealPage b = RealPage.text("dragnet", "b", dir.resolve("b.html"), null, "x");

        assertThat(new String(a.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\n<html><body>caf\u00e9</body></html>\n");
        assertThat(b.bytes()).isEqualTo(Files.readAllBytes(dir.resolve("b.html")));
    }

    @Test
    void dragnetTruthIsTheArticleBeforeTheCommentsMarker() throws IOException {
        write("dragnet/GoldStandard/5.txt", "Headline\n\nBody text.\n" + RealDatasets.DRAGNET_COMMENTS + "\n\nA reader's comment.\n");
        write("dragnet/input/5.html", "<p>x</p>");
        write("dragnet/GoldStandard/6.txt", "Only an article.");
        write("dragnet/input/6.html", "<p>x</p>");

        List<RealPage> pages = RealDatasets.dragnet(dir.resolve("dragnet"));

        assertThat(pages).extracting(RealPage::truth).containsExactly("Headline\n\nBody text.", "Only an article.");
        assertThat(pages).extracting(RealPage::dataset).containsOnly("dragnet");
    }

    @Test
    void l3sTruthIsTheLeafSpansLabelledHeadlineFullTextOrSupplementalWithTheUrlFromTheMapping() throws IOException {
        write("l3s-gn1/url-mapping.txt", "<urn:uuid:abc>\thttp://news.example/story.html\n");
        write("l3s-gn1/original/abc.html", "<p>x</p>");
        write("l3s-gn1/annotated/abc.html", """
                <html><body>
                <span class="x-nc-sel0">Menu</span>
                <h1><span class="x-nc-sel1">The headline</span></h1>
                <p><span class="x-nc-sel2">Body <span class="x-nc-sel2">nested</span></span>
                   <span class="x-nc-sel2">Second run.</span></p>
                <span class="x-nc-sel3">A caption.</span>
                <span class="x-nc-sel4">Related story</span>
                <span class="x-nc-sel5">A comment</span>
                </body></html>
                """);

        List<RealPage> pages = RealDatasets.l3s(dir.resolve("l3s-gn1"));

        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("abc");
            assertThat(p.url()).isEqualTo("http://news.example/story.html");
            assertThat(p.truth()).isEqualTo("The headline\nnested\nSecond run.\nA caption.");
        });
    }

    @Test
    void goldFilesAreDecodedByTheirByteOrderMarkElseAsUtf8ElseAsWindows1252() throws IOException {
        Path gold = dir.resolve("cleaneval/GoldStandard");
        Files.createDirectories(gold);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] line = "URL: http://site.example/\n<p> Caf\u00e9 text".getBytes(StandardCharsets.UTF_8);
        Files.write(gold.resolve("1.txt"), concat(bom, line));
        Files.write(gold.resolve("2.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "<p> Wide caf\u00e9".getBytes(StandardCharsets.UTF_16LE)));
        Files.write(gold.resolve("3.txt"), "<p> he\u2019s at the caf\u00e9".getBytes(Charset.forName("windows-1252")));
        for (String id : List.of("1", "2", "3")) {
            write("cleaneval/input/" + id + ".html", "<p>x</p>");
        }

        List<RealPage> pages = RealDatasets.cleanEval("cleaneval", dir.resolve("cleaneval"));

        assertThat(pages).extracting(RealPage::truth).containsExactly("Caf\u00e9 text", "Wide caf\u00e9",
                "he\u2019s at the caf\u00e9");
        assertThat(pages.get(0).url()).isEqualTo("http://site.example/");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aMissingSetYieldsNoPages() {
        assertThat(RealDatasets.all(dir.resolve("nothing-here"))).isEmpty();
    }
}
