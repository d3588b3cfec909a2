package io.herald.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RocksSeenSetTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestStateDb db = new TestStateDb();

    private RocksSeenSet open(long filterBytes) {
        return new RocksSeenSet(db.reopen(dir), filterBytes);
    }

    @Test
    void theSeenSetPersists() {
        RocksSeenSet seen = open(1 << 20);
        assertThat(seen.add("http://a.test/1")).isTrue();
        assertThat(seen.add("http://a.test/1")).isFalse();
        assertThat(seen.add("http://a.test/2")).isTrue();
        seen = open(1 << 20);
        assertThat(seen.size()).isEqualTo(2);
        assertThat(seen.add("http://a.test/2")).isFalse();
        assertThat(seen.add("http://a.test/3")).isTrue();
    }

    @Test
    void theFilterIsRebuiltOnOpenSoNoSeenUrlPassesAgain() {
        RocksSeenSet seen = open(1 << 16);
        for (int i = 0; i < 20_000; i++) {
            seen.add("http://a.test/story-" + i);
        }
        seen = open(1 << 16); // batches flushed and read back only through the keys on disk
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add("http://a.test/story-" + i)).as("story %d", i).isFalse();
        }
        assertThat(seen.add("http://a.test/story-new")).isTrue();
        assertThat(seen.size()).isEqualTo(20_001);
    }

    @Test
    void aFullOrMissingFilterOnlyCostsReadsNeverAnswers() {
        for (long filterBytes : new long[] {0, 8}) { // none at all, and one saturated at once
            RocksSeenSet seen = open(filterBytes);
            String prefix = "http://f" + filterBytes + ".test/";
            for (int i = 0; i < 1_000; i++) {
                assertThat(seen.add(prefix + i)).isTrue();
            }
            for (int i = 0; i < 1_000; i++) {
                assertThat(seen.add(prefix + i)).isFalse();
            }
        }
    }

    @Test
    void theFilterHoldsItsSizeAndTheSetOnDiskIsSeparate() {
        RocksSeenSet seen = open(1 << 20);
        assertThat(seen.filterBytes()).isEqualTo(1 << 20);
        assertThat(open(0).filterBytes()).isZero();
    }
}
