package io.herald.state;

import io.herald.frontier.Hub;
import io.herald.model.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RocksRevisitStoreTest {
    private static final Hub FEED = new Hub("http://news.test/feed.xml", true, 0, 90_000, 1_700_000_090_000L,
            new Validators("W/\"abc\"", "Tue, 01 Dec 2026 10:00:00 GMT"));
    private static final Hub FRONT = new Hub("http://news.test/world/", false, 1, 60_000, 1_700_000_060_000L,
            Validators.NONE);

    @TempDir
    Path dir;
    @RegisterExtension
    final TestStateDb db = new TestStateDb();

    @Test
    void hubsSavedAreLoadedAfterCloseAndReopenAndALaterSaveReplaces() {
        RocksRevisitStore store = new RocksRevisitStore(db.reopen(dir));
        store.save(FEED);
        store.save(FRONT);
        store.save(new Hub(FRONT.url(), false, 1, 30_000, 1_700_000_030_000L, Validators.NONE));
        db.close();
        assertThat(new RocksRevisitStore(db.reopen(dir)).load()).containsExactlyInAnyOrder(FEED,
                new Hub(FRONT.url(), false, 1, 30_000, 1_700_000_030_000L, Validators.NONE));
    }

    @Test
    void aCrashKeepsWhatTheLastFlushWroteAndLosesTheRest() {
        StateDb state = db.reopen(dir);
        RocksRevisitStore store = new RocksRevisitStore(state);
        store.save(FEED);
        state.flush(); // a checkpoint
        store.save(FRONT);
        db.crash();
        assertThat(new RocksRevisitStore(db.reopen(dir)).load()).containsExactly(FEED);
    }

    @Test
    void anArticlesVisitsLeftAreKeptAndARemovedOneIsGone() {
        Hub story = new Hub("http://news.test/story/1", false, 2, 30_000, 1_700_000_030_000L,
                new Validators("\"s\"", null), 3);
        RocksRevisitStore store = new RocksRevisitStore(db.reopen(dir));
        store.save(story);
        store.save(FEED);
        store.save(FRONT);
        store.remove(FRONT.url());
        db.close();
        assertThat(new RocksRevisitStore(db.reopen(dir)).load()).containsExactlyInAnyOrder(story, FEED);

        assertThat(FEED.article()).isFalse();
        assertThat(story.article()).isTrue();
    }
}
