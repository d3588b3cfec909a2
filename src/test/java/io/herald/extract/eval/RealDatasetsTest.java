package io.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    void aMissingSetYieldsNoPages() {
        assertThat(RealDatasets.all(dir.resolve("nothing-here"))).isEmpty();
    }
}
