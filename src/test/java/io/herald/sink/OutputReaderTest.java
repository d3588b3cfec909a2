package io.herald.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class OutputReaderTest {
    private static final String A = line("http://h/a");
    private static final String B = line("http://h/b");
    private static final String C = line("http://h/c");

    @TempDir
    Path dir;
    private final ArticleDeduper deduper = new ArticleDeduper(new InMemoryWrittenKeys(), false);
    private final List<OutputMark> marks = new ArrayList<>();

    private static String line(String url) {
        return ArticleJson.toJson(TestArticles.minimal(url)).encode() + "\n";
    }

    @Test
    void withoutAMarkEveryFileIsReadBack() throws IOException {
        Files.writeString(dir.resolve("articles-0001.jsonl"), A);
        gzip(dir.resolve("articles-0002.jsonl.gz"), B + "not json\n\n" + C);
        assertThat(OutputReader.rememberAfter(OutputFiles.list(dir), null, deduper, marks::add)).isEqualTo(3);
        assertThat(deduper.size()).isEqualTo(3);
    }

    @Test
    void withAMarkOnlyTheOutputAfterItIsRead() throws IOException {
        Files.writeString(dir.resolve("articles-0001.jsonl"), A);
        Files.writeString(dir.resolve("articles-0002.jsonl"), A + B);
        Files.writeString(dir.resolve("articles-0003.jsonl"), C);
        long afterFirstLine = A.getBytes(StandardCharsets.UTF_8).length;
        assertThat(OutputReader.rememberAfter(OutputFiles.list(dir), new OutputMark(2, afterFirstLine), deduper, marks::add))
                .isEqualTo(2);
        assertThat(marks).as("one mark past each file read").containsExactly(new OutputMark(3, 0), new OutputMark(4, 0));
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/a"))).as("before the mark: the keys know it").isTrue();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/b"))).isFalse();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/c"))).isFalse();
    }

    @Test
    void aMarkInsideACompressedFileCountsUncompressedBytes() throws IOException {
        gzip(dir.resolve("articles-0004.jsonl.gz"), A + B);
        long afterFirstLine = A.getBytes(StandardCharsets.UTF_8).length;
        assertThat(OutputReader.rememberAfter(OutputFiles.list(dir), new OutputMark(4, afterFirstLine), deduper, marks::add))
                .isEqualTo(1);
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/b"))).isFalse();
    }

    @Test
    void filesTakenAwayOrShorterThanTheMarkAreNoProblem() throws IOException {
        // file 1 was moved away by a downstream job; file 2 lost its unsynced end in a power cut
        Files.writeString(dir.resolve("articles-0002.jsonl"), A);
        Files.writeString(dir.resolve("articles-0003.jsonl"), B);
        assertThat(OutputReader.rememberAfter(OutputFiles.list(dir), new OutputMark(2, 10_000), deduper, marks::add)).isEqualTo(1);
        assertThat(deduper.size()).isEqualTo(1);
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
