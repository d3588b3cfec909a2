package io.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page ids as file names, and the dump of the pages' input bytes for another extractor. */
class RealPageFilesTest {
    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        RealDatasetsTest.write(dir, path, content);
    }

    @Test
    void idsBecomeOneFileNameEachWithoutFoldersOrHiddenNames() {
        assertThat(RealPageFiles.fileName("abc-1_2.html")).isEqualTo("abc-1_2.html");
        assertThat(RealPageFiles.fileName("cleaneval-dev/12")).isEqualTo("cleaneval-dev%2F12");
        assertThat(RealPageFiles.fileName("a b%c")).isEqualTo("a%20b%25c");
        assertThat(RealPageFiles.fileName("..")).isEqualTo("%2E.");
        assertThat(RealPageFiles.fileName("caf\u00e9")).isEqualTo("caf%C3%A9");
        // one to one: an id that looks escaped does not meet the id it looks like
        assertThat(RealPageFiles.fileName("a%2Fb")).isNotEqualTo(RealPageFiles.fileName("a/b"));
    }

    @Test
    void theDumpWritesTheBytesTheExtractorReadsAndAManifest() throws IOException {
        write("cleaneval/cleaneval-dev/GoldStandard/1.txt", "URL: http://site.example/page.html\n<p> Some text");
        write("cleaneval/cleaneval-dev/input/1.html",
                "<text id=\"http://site.example/page.html\" title=\"t\">\n<html><body>caf\u00e9</body></html>\n</text>\n");
        write("cleaneval/cleaneval-final/GoldStandard/2.txt", "<p> More text");
        write("cleaneval/cleaneval-final/input/2.html", "<p>x</p>");
        write("trafilatura/tests/evaldata.json", "{\"https://a.example/\": {\"file\": \"a.html\", \"with\": [\"x\"], \"without\": []}}");
        write("trafilatura/tests/eval/a.html", "<p>x</p>");
        List<RealPage> pages = RealDatasets.all(dir);
        Path out = dir.resolve("out");

        List<String> skipped = RealPageFiles.dump(pages, out);

        assertThat(skipped).isEmpty();
        assertThat(out.resolve("cleaneval/cleaneval-dev%2F1.html")).hasContent("\n<html><body>caf\u00e9</body></html>\n");
        assertThat(Files.readAllBytes(out.resolve("cleaneval/cleaneval-final%2F2.html"))).isEqualTo(pages.get(2).bytes());
        assertThat(Files.readString(out.resolve("manifest.tsv"), StandardCharsets.UTF_8)).isEqualTo("""
                dataset\tid\turl\tpath
                trafilatura\ta.html\thttps://a.example/\ttrafilatura/a.html.html
                cleaneval\tcleaneval-dev/1\thttp://site.example/page.html\tcleaneval/cleaneval-dev%2F1.html
                cleaneval\tcleaneval-final/2\thttp://fakehost/test/page.html\tcleaneval/cleaneval-final%2F2.html
                """);
    }

    @Test
    void aPageThatCannotBeReadIsNamedAndLeftOut() throws IOException {
        write("here.html", "<p>x</p>");
        List<RealPage> pages = List.of(RealPage.text("dragnet", "gone", dir.resolve("gone.html"), null, "t"),
                RealPage.text("dragnet", "here", dir.resolve("here.html"), null, "t"));
        Path out = dir.resolve("out");

        List<String> skipped = RealPageFiles.dump(pages, out);

        assertThat(skipped).singleElement().asString().startsWith("dragnet/gone: ");
        assertThat(out.resolve("dragnet/here.html")).exists();
        assertThat(out.resolve("dragnet/gone.html")).doesNotExist();
        assertThat(Files.readString(out.resolve("manifest.tsv"))).doesNotContain("gone");
    }
}
