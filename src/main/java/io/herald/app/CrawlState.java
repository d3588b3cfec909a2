package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.StateConfig;
import io.herald.frontier.FrontierStore;
import io.herald.frontier.InMemoryFrontierStore;
import io.herald.frontier.InMemorySeenSet;
import io.herald.frontier.SeenSet;
import io.herald.politeness.HostMemory;
import io.herald.state.ConfigFingerprint;
import io.herald.state.RocksFrontierStore;
import io.herald.state.RocksHostMemory;
import io.herald.state.RocksSeenSet;
import io.herald.state.StateDb;
import io.herald.state.StateException;

/**
 * The frontier's and the politeness gate's storage for one run: RocksDB under {@code state.dir} (a new crawl, or the one this command
 * ran before, checked against the config fingerprint), or the heap for {@code state.store: memory}.
 */
final class CrawlState implements AutoCloseable {
    private final StateDb db;
    private final FrontierStore store;
    private final SeenSet seen;
    private final HostMemory hosts;

    private CrawlState(StateDb db, FrontierStore store, SeenSet seen, HostMemory hosts) {
        this.db = db;
        this.store = store;
        this.seen = seen;
        this.hosts = hosts;
    }

    /** @throws StateException if the state cannot be opened or belongs to another configuration */
    static CrawlState open(CrawlConfig config) {
        StateConfig state = config.state();
        if (!state.durable()) {
            return new CrawlState(null, new InMemoryFrontierStore(), new InMemorySeenSet(), HostMemory.NONE);
        }
        StateDb db = StateDb.open(state.dir(), state.cacheSize());
        try {
            ConfigFingerprint.checkOrRecord(db, config);
            return new CrawlState(db, new RocksFrontierStore(db, state.workingSet()), new RocksSeenSet(db),
                    new RocksHostMemory(db));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    FrontierStore store() {
        return store;
    }

    SeenSet seen() {
        return seen;
    }

    /** The politeness gate's per-host memory (robots rules, clocks, backoff). */
    HostMemory hosts() {
        return hosts;
    }

    /** One line for the log: a new crawl, or what a resumed one has left. */
    String describe() {
        if (db == null) {
            return "in-memory state (nothing is kept for a resume)";
        }
        if (seen.size() == 0) {
            return "new crawl, state in " + db.dir();
        }
        return String.format(java.util.Locale.ROOT, "resuming crawl from %s: %d URLs queued, %d seen, %d pages fetched before",
                db.dir(), store.size(), seen.size(), store.pagesStartedBefore());
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
