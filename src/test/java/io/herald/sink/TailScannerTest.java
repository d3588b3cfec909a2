package io.herald.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TailScannerTest {
    @TempDir
    Path dir;

    @Test
    void cutTornTailCutsTheUnfinishedLine() throws IOException {
        Path file = dir.resolve("articles-0001.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"b\":2}\n{\"c\":");
        assertThat(TailScanner.cutTornTail(file)).isEqualTo(5);
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
        assertThat(TailScanner.cutTornTail(file)).isZero();
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
    }

    @Test
    void cutTornTailFindsTheLastNewlineAcrossBlocks() throws IOException {
        Path file = dir.resolve("articles-0001.jsonl");
        String torn = "{\"t\":\"" + "z".repeat(20_000);
        Files.writeString(file, "{\"a\":1}\n" + torn);
        assertThat(TailScanner.cutTornTail(file)).isEqualTo(torn.length());
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void cutTornTailOnEdgeCases() throws IOException {
        Path onlyTorn = Files.writeString(dir.resolve("a.jsonl"), "{\"half");
        assertThat(TailScanner.cutTornTail(onlyTorn)).isEqualTo(6);
        assertThat(Files.size(onlyTorn)).isZero();
        assertThat(TailScanner.cutTornTail(onlyTorn)).isZero(); // empty
        assertThat(TailScanner.cutTornTail(dir.resolve("missing.jsonl"))).isZero();
    }
}
