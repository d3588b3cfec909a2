package io.herald.state;

import io.herald.sink.OutputMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RocksWrittenKeysTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestStateDb db = new TestStateDb();

    private RocksWrittenKeys open(long filterBytes) {
        return new RocksWrittenKeys(db.reopen(dir), filterBytes);
    }

    @Test
    void aKeyIsStoredAtTheSyncAfterItsLineAndNotBefore() {
        RocksWrittenKeys keys = open(1 << 16);
        assertThat(keys.claim("http://h/a")).isTrue();
        assertThat(keys.claim("http://h/a")).as("two pages of one article: only one is written").isFalse();
        keys.recorded("http://h/a");
        keys.marked(new OutputMark(1, 100));
        assertThat(keys.claim("http://h/b")).isTrue();
        keys.recorded("http://h/b"); // written, but the crash comes before the next sync
        assertThat(keys.claim("http://h/c")).isTrue(); // the crash comes before its line is written
        assertThat(keys.claim("http://h/b")).isFalse();
        assertThat(keys.size()).isEqualTo(3);
        db.crash();
        keys = open(1 << 16);
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.mark()).as("b's line is after the mark: the sink reads it back").isEqualTo(new OutputMark(1, 100));
        assertThat(keys.claim("http://h/a")).isFalse();
        assertThat(keys.claim("http://h/b")).isTrue();
        assertThat(keys.claim("http://h/c")).as("its line never reached the output").isTrue();
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        RocksWrittenKeys keys = open(1 << 16);
        assertThat(keys.claim("http://h/a")).isTrue();
        keys.release("http://h/a");
        assertThat(keys.size()).isZero();
        assertThat(keys.claim("http://h/a")).isTrue();
    }

    @Test
    void theMarkIsKeptAndANewStoreReadsAllOutput() {
        RocksWrittenKeys keys = open(1 << 16);
        assertThat(keys.mark()).isEqualTo(new OutputMark(0, 0));
        keys.marked(new OutputMark(3, 120));
        keys = open(1 << 16);
        assertThat(keys.mark()).isEqualTo(new OutputMark(3, 120));
    }

    @Test
    void manyKeysSurviveWithAFilterRebuiltOrNoneAtAll() {
        RocksWrittenKeys keys = open(1 << 12);
        for (int i = 0; i < 5_000; i++) {
            assertThat(keys.claim("http://h/" + i)).isTrue();
            keys.recorded("http://h/" + i);
        }
        keys.marked(new OutputMark(1, 0));
        for (long filterBytes : new long[] {1 << 12, 0}) {
            keys = open(filterBytes);
            assertThat(keys.size()).isEqualTo(5_000);
            for (int i = 0; i < 5_000; i++) {
                assertThat(keys.claim("http://h/" + i)).isFalse();
            }
            assertThat(keys.claim("http://h/new-" + filterBytes)).isTrue();
        }
    }
}
