package io.herald.sink;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    void repairTornTailCutsTheUnfinishedLine() throws IOException {
        Path file = dir.resolve("articles-0001.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"b\":2}\n{\"c\":");
        assertThat(JsonLinesWriter.repairTornTail(file)).isEqualTo(5);
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
        assertThat(JsonLinesWriter.repairTornTail(file)).isZero();
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
    }

    @Test
    void repairTornTailFindsTheLastNewlineAcrossBlocks() throws IOException {
        Path file = dir.resolve("articles-0001.jsonl");
        String torn = "{\"t\":\"" + "z".repeat(20_000);
        Files.writeString(file, "{\"a\":1}\n" + torn);
        assertThat(JsonLinesWriter.repairTornTail(file)).isEqualTo(torn.length());
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void repairTornTailOnEdgeCases() throws IOException {
        Path onlyTorn = Files.writeString(dir.resolve("a.jsonl"), "{\"half");
        assertThat(JsonLinesWriter.repairTornTail(onlyTorn)).isEqualTo(6);
        assertThat(Files.size(onlyTorn)).isZero();
        assertThat(JsonLinesWriter.repairTornTail(onlyTorn)).isZero(); // empty
        assertThat(JsonLinesWriter.repairTornTail(dir.resolve("missing.jsonl"))).isZero();
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
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new JsonLinesWriter(dir, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
