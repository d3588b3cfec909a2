package io.herald.sink;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.herald.testing.FakeClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesWriterTest {
    @TempDir
    Path dir;

    @Test
    void rotatesBySizeAndKeepsEveryLineWhole() throws IOException {
        Path out = dir.resolve("nested/out");
        List<Path> files;
        try (JsonLinesWriter writer = new JsonLinesWriter(out, 1000)) {
            for (int i = 0; i < 100; i++) {
                writer.write(new JsonObject().put("n", i).put("pad", "x".repeat(i % 40)).put("nl", "a\nb"));
            }
            assertThat(writer.linesWritten()).isEqualTo(100);
            files = writer.files();
        }
        assertThat(files).hasSizeGreaterThan(3).isEqualTo(JsonLinesWriter.existingFiles(out));
        assertThat(files.get(0).getFileName()).hasToString("articles-0001.jsonl");
        assertThat(files.get(1).getFileName()).hasToString("articles-0002.jsonl");
        List<Integer> numbers = new ArrayList<>();
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
            assertThat(Files.readString(file)).endsWith("\n");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                numbers.add(new JsonObject(line).getInteger("n"));
            }
        }
        assertThat(numbers).hasSize(100).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aLineLargerThanTheLimitGoesAloneInAFile() throws IOException {
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, 200)) {
            writer.write(new JsonObject().put("n", 1));
            writer.write(new JsonObject().put("n", 2).put("big", "y".repeat(500)));
            writer.write(new JsonObject().put("n", 3));
            List<Path> files = writer.files();
            assertThat(files).hasSize(3);
            assertThat(Files.readAllLines(files.get(1))).hasSize(1);
            assertThat(Files.size(files.get(1))).isGreaterThan(200);
            assertThat(Files.readAllLines(files.get(2))).containsExactly("{\"n\":3}");
        }
    }

    @Test
    void eachWriterStartsANewFileAfterTheHighestNumber() throws IOException {
        Files.writeString(dir.resolve("articles-0007.jsonl"), "{\"old\":7}\n");
        Files.writeString(dir.resolve("articles-0003.jsonl"), "{\"old\":3}\n");
        Files.writeString(dir.resolve("notes.jsonl"), "ignored\n");
        try (JsonLinesWriter first = new JsonLinesWriter(dir, 1 << 20)) {
            first.write(new JsonObject().put("run", 1));
            assertThat(first.files()).containsExactly(dir.resolve("articles-0008.jsonl"));
        }
        try (JsonLinesWriter idle = new JsonLinesWriter(dir, 1 << 20)) {
            assertThat(idle.files()).isEmpty(); // no line, no file
        }
        try (JsonLinesWriter second = new JsonLinesWriter(dir, 1 << 20)) {
            second.write(new JsonObject().put("run", 2));
            assertThat(second.files()).containsExactly(dir.resolve("articles-0009.jsonl"));
        }
        assertThat(Files.readString(dir.resolve("articles-0007.jsonl"))).isEqualTo("{\"old\":7}\n");
        assertThat(Files.readString(dir.resolve("articles-0008.jsonl"))).isEqualTo("{\"run\":1}\n");
        assertThat(JsonLinesWriter.existingFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("articles-0003.jsonl", "articles-0007.jsonl", "articles-0008.jsonl",
                        "articles-0009.jsonl");
    }

    @Test
    void numberingGoesPastFourDigits() throws IOException {
        Files.writeString(dir.resolve("articles-9999.jsonl"), "{}\n");
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, 1 << 20)) {
            writer.write(new JsonObject());
            assertThat(writer.files()).containsExactly(dir.resolve("articles-10000.jsonl"));
        }
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, 1 << 20)) {
            writer.write(new JsonObject());
            assertThat(writer.files()).containsExactly(dir.resolve("articles-10001.jsonl"));
        }
    }

    @Test
    void constructorRepairsTheNewestFileOnly() throws IOException {
        Path older = Files.writeString(dir.resolve("articles-0001.jsonl"), "{\"a\":1}\n{\"torn-but-old");
        Path newest = Files.writeString(dir.resolve("articles-0002.jsonl"), "{\"b\":2}\n{\"torn");
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, 1 << 20)) {
            assertThat(Files.readString(newest)).isEqualTo("{\"b\":2}\n");
            assertThat(Files.readString(older)).endsWith("torn-but-old");
            writer.write(new JsonObject().put("c", 3));
            assertThat(writer.files()).containsExactly(dir.resolve("articles-0003.jsonl"));
        }
    }

    @Test
    void syncAndCloseAreSafeAtAnyTime() throws IOException {
        JsonLinesWriter writer = new JsonLinesWriter(dir, 100);
        writer.sync(); // nothing open yet
        writer.write(new JsonObject().put("a", 1));
        writer.sync();
        writer.close();
        writer.close();
        writer.sync();
        assertThatThrownBy(() -> writer.write(new JsonObject())).isInstanceOf(IOException.class);
        assertThat(Files.readString(dir.resolve("articles-0001.jsonl"))).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void positionIsWhereTheNextLineGoes() throws IOException {
        JsonLinesWriter writer = new JsonLinesWriter(dir, 16);
        assertThat(writer.position()).isEqualTo(new OutputMark(1, 0)); // nothing open: the start of the next file
        writer.write(new JsonObject().put("a", 1));
        assertThat(writer.position()).isEqualTo(new OutputMark(1, 8));
        writer.write(new JsonObject().put("bb", 22)); // 10 more bytes do not fit in 16: a new file
        assertThat(writer.position()).isEqualTo(new OutputMark(2, 10));
        writer.close();
        assertThat(writer.position()).isEqualTo(new OutputMark(3, 0));
    }

    @Test
    void aClosedFileIsReportedSyncedBeforeItIsCompressedOrTheNextOneStarts() throws IOException {
        List<String> seen = new ArrayList<>();
        JsonLinesWriter writer = new JsonLinesWriter(dir, 16, Duration.ZERO, true, Clock.systemUTC(), 0);
        writer.afterFileSynced(mark -> seen.add(mark + " plain=" + Files.exists(dir.resolve("articles-0001.jsonl"))
                + " next=" + Files.exists(dir.resolve("articles-0002.jsonl"))));
        writer.write(new JsonObject().put("a", 1));
        writer.write(new JsonObject().put("bb", 22));
        assertThat(seen).containsExactly("OutputMark[file=2, offset=0] plain=true next=false");
        assertThat(dir.resolve("articles-0001.jsonl.gz")).exists();
        writer.close();
        assertThat(seen).hasSize(2).last().asString().startsWith("OutputMark[file=3, offset=0]");
    }

    @Test
    void leftoversAreCompressedOnlyWhenAsked() throws IOException {
        Files.writeString(dir.resolve("articles-0001.jsonl"), "{\"n\":1}\n{\"n\":2");
        JsonLinesWriter writer = new JsonLinesWriter(dir, 1 << 20, Duration.ZERO, true, Clock.systemUTC(), 0);
        assertThat(Files.readString(dir.resolve("articles-0001.jsonl"))).as("torn tail cut, still plain")
                .isEqualTo("{\"n\":1}\n");
        writer.compressLeftovers();
        assertThat(dir.resolve("articles-0001.jsonl")).doesNotExist();
        assertThat(dir.resolve("articles-0001.jsonl.gz")).exists();
        writer.compressLeftovers(); // a second call has nothing left to do
        writer.close();
    }

    @Test
    void rotatesByTimeOnWriteAndWhenIdle() throws IOException {
        FakeClock clock = new FakeClock();
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, 1 << 20, Duration.ofMinutes(10), false, clock)) {
            writer.write(new JsonObject().put("n", 1));
            clock.advance(Duration.ofMinutes(9));
            writer.write(new JsonObject().put("n", 2));
            assertThat(writer.rotateIfDue()).isFalse();
            clock.advance(Duration.ofMinutes(1));
            writer.write(new JsonObject().put("n", 3)); // the first file is 10 minutes old: this starts the second
            clock.advance(Duration.ofMinutes(10));
            assertThat(writer.rotateIfDue()).as("idle file closed").isTrue();
            assertThat(writer.rotateIfDue()).as("nothing open").isFalse();
            clock.advance(Duration.ofHours(1));
            writer.write(new JsonObject().put("n", 4));
            assertThat(writer.files()).extracting(p -> p.getFileName().toString())
                    .containsExactly("articles-0001.jsonl", "articles-0002.jsonl", "articles-0003.jsonl");
        }
        assertThat(Files.readAllLines(dir.resolve("articles-0001.jsonl"))).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(Files.readAllLines(dir.resolve("articles-0002.jsonl"))).containsExactly("{\"n\":3}");
    }

    @Test
    void gzipCompressesEachFileWhenItIsClosedAndOnlyThen() throws IOException {
        FakeClock clock = new FakeClock();
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, 1 << 20, Duration.ofMinutes(1), true, clock)) {
            writer.write(new JsonObject().put("n", 1));
            assertThat(dir.resolve("articles-0001.jsonl")).exists();
            assertThat(dir.resolve("articles-0001.jsonl.gz")).doesNotExist();
            clock.advance(Duration.ofMinutes(1));
            writer.write(new JsonObject().put("n", 2));
            assertThat(dir.resolve("articles-0001.jsonl")).doesNotExist();
            assertThat(gunzip(dir.resolve("articles-0001.jsonl.gz"))).isEqualTo("{\"n\":1}\n");
            assertThat(dir.resolve("articles-0002.jsonl")).exists();
        }
        assertThat(gunzip(dir.resolve("articles-0002.jsonl.gz"))).isEqualTo("{\"n\":2}\n");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("articles-0001.jsonl.gz", "articles-0002.jsonl.gz");
        }
        try (JsonLinesWriter next = new JsonLinesWriter(dir, 1 << 20, Duration.ZERO, true, clock)) {
            next.write(new JsonObject().put("n", 3));
            assertThat(next.files()).containsExactly(dir.resolve("articles-0003.jsonl"));
        }
        assertThat(JsonLinesWriter.existingFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("articles-0001.jsonl.gz", "articles-0002.jsonl.gz", "articles-0003.jsonl.gz");
    }

    @Test
    void aCrashDuringCompressionIsFinishedByTheNextWriter() throws IOException {
        // run 1 crashed after the rename of 0001.gz but before the plain file was removed; run 2 crashed while
        // compressing 0002 (a .tmp is left); run 3 was killed mid-line in 0003.
        Files.writeString(dir.resolve("articles-0001.jsonl"), "{\"n\":1}\n");
        gzipTo(dir.resolve("articles-0001.jsonl.gz"), "{\"n\":1}\n");
        Files.writeString(dir.resolve("articles-0002.jsonl"), "{\"n\":2}\n");
        Files.writeString(dir.resolve("articles-0002.jsonl.gz.tmp"), "half a gzip");
        Files.writeString(dir.resolve("articles-0003.jsonl"), "{\"n\":3}\n{\"n\":");
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, 1 << 20, Duration.ZERO, true, new FakeClock())) {
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "articles-0001.jsonl.gz", "articles-0002.jsonl.gz", "articles-0003.jsonl.gz");
            }
            assertThat(gunzip(dir.resolve("articles-0002.jsonl.gz"))).isEqualTo("{\"n\":2}\n");
            assertThat(gunzip(dir.resolve("articles-0003.jsonl.gz"))).isEqualTo("{\"n\":3}\n");
            writer.write(new JsonObject().put("n", 4));
            assertThat(writer.files()).containsExactly(dir.resolve("articles-0004.jsonl"));
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void gzipTo(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new JsonLinesWriter(dir, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
