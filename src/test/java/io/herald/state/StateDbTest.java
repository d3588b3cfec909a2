package io.herald.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateDbTest {
    @TempDir
    Path dir;

    @Test
    void aNewStoreRecordsItsLayoutAndOpensAgain() {
        try (StateDb db = StateDb.open(dir, 8 << 20)) {
            assertThat(db.meta("state.format")).isEqualTo("2");
            db.putMeta("crawl.note", "kept");
        }
        try (StateDb db = StateDb.open(dir, 8 << 20)) {
            assertThat(db.meta("crawl.note")).isEqualTo("kept");
        }
    }

    @Test
    void aStoreOfAnotherLayoutIsRefusedWithTheWayOut() {
        try (StateDb db = StateDb.open(dir, 8 << 20)) {
            // what an earlier Herald left: whole URLs as seen-set keys and no layout mark
            db.put(db.family("seen"), "http://a.test/1".getBytes(StandardCharsets.UTF_8), new byte[0]);
            db.delete(db.family("meta"), "state.format".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> StateDb.open(dir, 8 << 20)).isInstanceOf(StateException.class)
                .hasMessageContaining("layout 1").hasMessageContaining("--fresh");
        // refused, not half-opened: the folder's lock was released
        assertThatThrownBy(() -> StateDb.open(dir, 8 << 20)).hasMessageContaining("layout 1");
    }
}
