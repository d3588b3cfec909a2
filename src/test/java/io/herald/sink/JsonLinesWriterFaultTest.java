package io.herald.sink;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer on a disk that fills up, and on a file removed while it is open: whole lines, none lost. */
class JsonLinesWriterFaultTest {
    private static final long LIMIT = 1L << 20;

    @TempDir
    Path dir;

    private final List<FailingChannel> channels = new ArrayList<>();

    private JsonLinesWriter writer(long room) {
        JsonLinesWriter writer = new JsonLinesWriter(dir, LIMIT);
        writer.channelOpener(file -> {
            FailingChannel ch = new FailingChannel(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), room);
            channels.add(ch);
            return ch;
        });
        return writer;
    }

    private static JsonObject line(int n) {
        return new JsonObject().put("n", n).put("pad", "x".repeat(40));
    }

    @Test
    void aDiskFullInTheMiddleOfALineLeavesOnlyWholeLinesAndTheWriterCarriesOnWhenSpaceReturns() throws IOException {
        int lineBytes = JsonLine.encode(line(0)).length;
        try (JsonLinesWriter writer = writer(2L * lineBytes + lineBytes / 2)) {
            writer.write(line(0));
            writer.write(line(1));
            assertThatThrownBy(() -> writer.write(line(2))).isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
            Path file = writer.files().get(0);
            assertThat(Files.size(file)).as("half a line was written, then cut off").isEqualTo(2L * lineBytes);
            assertThat(writer.linesWritten()).isEqualTo(2);

            channels.get(0).room = Long.MAX_VALUE; // space freed
            writer.write(line(2));
            writer.sync();
            assertThat(numbers(file)).containsExactly(0, 1, 2);
        }
    }

    @Test
    void whenEvenTheCutFailsTheNextLineGoesToANewFileAndTheTornOneIsCutAtTheNextSync() throws IOException {
        int lineBytes = JsonLine.encode(line(0)).length;
        Path first;
        try (JsonLinesWriter writer = writer(lineBytes + 5)) {
            writer.write(line(0));
            channels.get(0).truncateFails = true;
            assertThatThrownBy(() -> writer.write(line(1))).hasMessageContaining("No space left on device");
            first = writer.files().get(0);
            assertThat(Files.size(first)).as("a torn line stays for now").isEqualTo(lineBytes + 5L);
            writer.write(line(2)); // the new file's channel has room for one line
            assertThat(writer.files()).hasSize(2);
            writer.sync();
            assertThat(numbers(writer.files().get(1))).containsExactly(2);
        }
        assertThat(numbers(first)).containsExactly(0);
        assertThat(Files.readString(first)).endsWith("\n");
    }

    @Test
    void aFileRemovedWhileOpenIsWrittenAgainUnderTheNextNumber() throws IOException {
        List<String> told = new ArrayList<>();
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, LIMIT)) {
            writer.onRecovered(told::add);
            writer.write(line(0));
            writer.write(line(1));
            Path removed = writer.files().get(0);
            Files.delete(removed);
            writer.write(line(2)); // still goes to the removed inode
            writer.sync();
            assertThat(told).singleElement().asString().contains(removed.toString(), "articles-0002.jsonl");
            assertThat(writer.files()).containsExactly(dir.resolve("articles-0002.jsonl"));
            writer.write(line(3));
        }
        assertThat(JsonLinesWriter.existingFiles(dir)).containsExactly(dir.resolve("articles-0002.jsonl"));
        assertThat(numbers(dir.resolve("articles-0002.jsonl"))).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aFileInPlaceIsNotCopied() throws IOException {
        List<String> told = new ArrayList<>();
        try (JsonLinesWriter writer = new JsonLinesWriter(dir, LIMIT)) {
            writer.onRecovered(told::add);
            writer.write(line(0));
            writer.sync();
        }
        assertThat(told).isEmpty();
        assertThat(numbers(dir.resolve("articles-0001.jsonl"))).containsExactly(0);
    }

    private static List<Integer> numbers(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> new JsonObject(l).getInteger("n")).toList();
    }

    @Test
    void theStepBeforeASyncRunsBeforeAnyLineIsForcedAndItsFailureFailsTheSync() throws IOException {
        List<String> order = new ArrayList<>();
        try (JsonLinesWriter writer = writer(Long.MAX_VALUE)) {
            writer.beforeSync(() -> order.add("warc"));
            writer.write(line(0));
            channels.get(0).onForce = () -> order.add("lines");
            writer.sync();
            assertThat(order).containsExactly("warc", "lines");

            order.clear();
            writer.beforeSync(() -> {
                throw new IOException("No space left on device");
            });
            writer.write(line(1));
            assertThatThrownBy(writer::sync).hasMessageContaining("No space left");
            assertThat(order).as("no line forced before the records it names").isEmpty();
            writer.beforeSync(() -> order.add("warc"));
        }
        assertThat(order).as("closing syncs the same way").containsExactly("warc", "lines");
    }
}
