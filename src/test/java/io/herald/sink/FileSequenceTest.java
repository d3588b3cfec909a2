package io.herald.sink;

import io.herald.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileSequenceTest {
    @TempDir
    Path dir;

    @Test
    void numbersUpwardAndSkipsANameTakenSinceTheFolderWasListed() throws IOException {
        FileSequence sequence = new FileSequence(dir, 6, new FakeClock());
        Files.writeString(dir.resolve("articles-0008.jsonl"), "{\"someone\":\"else\"}\n");
        try (Segment seventh = sequence.next(); Segment ninth = sequence.next()) {
            assertThat(seventh.number).isEqualTo(7);
            assertThat(seventh.path()).isEqualTo(dir.resolve("articles-0007.jsonl"));
            assertThat(ninth.number).isEqualTo(9);
            assertThat(sequence.lastNumber()).isEqualTo(9);
        }
        assertThat(Files.readString(dir.resolve("articles-0008.jsonl"))).as("never appended to")
                .isEqualTo("{\"someone\":\"else\"}\n");
    }
}
