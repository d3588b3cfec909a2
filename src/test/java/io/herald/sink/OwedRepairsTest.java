package io.herald.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwedRepairsTest {
    @TempDir
    Path dir;

    private final OwedRepairs owed = new OwedRepairs();

    @Test
    void aTornFileHasItsPartialLineCutAtTheNextSettle() throws IOException {
        Path file = Files.writeString(dir.resolve("articles-0001.jsonl"), "{\"a\":1}\n{\"b\":");
        owed.torn(file);
        owed.settle();
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n");
        Files.writeString(file, "{\"c\":"); // owed nothing any more: left alone
        owed.settle();
        assertThat(Files.readString(file)).isEqualTo("{\"c\":");
    }

    @Test
    void anUnsyncedFileKeepsEverySettleFailingUntilItCanBeSynced() throws IOException {
        Path file = dir.resolve("articles-0001.jsonl");
        owed.unsynced(file);
        assertThatThrownBy(owed::settle).isInstanceOf(IOException.class);
        assertThatThrownBy(owed::settle).as("still owed").isInstanceOf(IOException.class);
        Files.writeString(file, "{\"a\":1}\n");
        assertThatCode(owed::settle).doesNotThrowAnyException();
    }

    @Test
    void cuttingTheTornTailAloneLeavesTheSyncOwed() throws IOException {
        Path file = Files.writeString(dir.resolve("articles-0001.jsonl"), "{\"a\":1}\n{\"b\":");
        owed.torn(file);
        Files.delete(file);
        owed.cutTorn(); // a missing file has no tail to cut
        assertThatThrownBy(owed::settle).as("its earlier lines still need their sync").isInstanceOf(IOException.class);
    }
}
