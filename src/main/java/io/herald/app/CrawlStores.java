package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.StateConfig;
import io.herald.frontier.FrontierStore;
import io.herald.frontier.InMemoryFrontierStore;
import io.herald.frontier.InMemorySeenSet;
import io.herald.frontier.QueueReplica;
import io.herald.frontier.ReplicatedFrontierStore;
import io.herald.frontier.RevisitStore;
import io.herald.frontier.SeenSet;
import io.herald.monitor.CrawlHistory;
import io.herald.politeness.HostStore;
import io.herald.sink.InMemoryWrittenKeys;
import io.herald.sink.WrittenKeys;
import io.herald.state.ConfigFingerprint;
import io.herald.state.RocksFrontierStore;
import io.herald.state.RocksHostStore;
import io.herald.state.RocksRevisitStore;
import io.herald.state.RocksSeenSet;
import io.herald.state.RocksWrittenKeys;
import io.herald.state.StateDb;
import io.herald.state.StateException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The stores one run hands to the stages, and their lifecycle: the frontier's queues and seen set, the politeness
 * gate's per-host store, the sink's written-article keys, a continuous crawl's hub schedules and the crawl's history, in RocksDB under {@code state.dir}
 * (a new crawl, or the one this command ran before, checked against the config fingerprint), or on the heap for
 * {@code state.store: memory}. (The RocksDB implementations themselves are the {@code state} package.)
 */
final class CrawlStores implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlStores.class);
    private static final String HISTORY = "crawl.history";
    private final StateDb db;
    private final FrontierStore store;
    private final SeenSet seen;
    private final WrittenKeys writtenKeys;
    private final HostStore hosts;
    private final RevisitStore revisits;

    private CrawlStores(StateDb db, FrontierStore store, SeenSet seen, WrittenKeys writtenKeys, HostStore hosts,
                        RevisitStore revisits) {
        this.db = db;
        this.revisits = revisits;
        this.store = store;
        this.seen = seen;
        this.writtenKeys = writtenKeys;
        this.hosts = hosts;
    }

    /** @throws StateException if the state cannot be opened or belongs to another configuration */
    static CrawlStores open(CrawlConfig config) {
        return open(config, null);
    }

    /**
     * With a {@code replica} (cluster mode) the durable queue is also kept in it ({@link ReplicatedFrontierStore}),
     * for the nodes that take this one's hosts over if it dies for good. The memory store ignores it: it has no
     * checkpoints to apply the replica at, and nothing of it outlives the process anyway.
     *
     * @throws StateException if the state cannot be opened or belongs to another configuration
     */
    static CrawlStores open(CrawlConfig config, QueueReplica replica) {
        StateConfig state = config.state();
        if (!state.durable()) {
            return new CrawlStores(null, new InMemoryFrontierStore(), new InMemorySeenSet(), new InMemoryWrittenKeys(),
                    HostStore.NONE, RevisitStore.NONE);
        }
        StateDb db = StateDb.open(state.dir(), state.cacheSize());
        try {
            ConfigFingerprint.checkOrRecord(db, config);
            // Articles are fewer than URLs: a quarter of the seen filter's heap serves their keys.
            FrontierStore queue = new RocksFrontierStore(db, state.workingSet());
            return new CrawlStores(db, replica == null ? queue : new ReplicatedFrontierStore(queue, replica),
                    new RocksSeenSet(db, state.seenFilterSize()), new RocksWrittenKeys(db, state.seenFilterSize() / 4),
                    new RocksHostStore(db), new RocksRevisitStore(db));
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

    /** The keys of written articles, for the sink. */
    WrittenKeys writtenKeys() {
        return writtenKeys;
    }

    /** The politeness gate's per-host store (robots rules, clocks, backoff). */
    HostStore hosts() {
        return hosts;
    }

    /** A continuous crawl's hub schedules and validators. */
    RevisitStore revisits() {
        return revisits;
    }

    /** One line for the log: a new crawl, or what a resumed one has left. */
    String describe() {
        if (db == null) {
            return "in-memory state (nothing is kept for a resume)";
        }
        String replicated = store instanceof ReplicatedFrontierStore ? "; the queue is also kept in the cluster" : "";
        if (seen.size() == 0) {
            return "new crawl, state in " + db.dir() + replicated;
        }
        return String.format(Locale.ROOT, "resuming crawl from %s: %d URLs queued, %d seen, %d pages fetched before%s",
                db.dir(), store.size(), seen.size(), store.pagesStartedBefore(), replicated);
    }

    /**
     * What earlier runs of this crawl did, from the state: nothing for a new crawl or the memory store, unknown
     * for a state made before Herald kept a history (or whose record is unreadable: counters are not worth
     * refusing a resume for).
     */
    CrawlHistory earlierRuns() {
        String text = db == null ? null : db.meta(HISTORY);
        if (text == null) {
            return db != null && seen.size() > 0 ? CrawlHistory.unknown() : CrawlHistory.none();
        }
        try {
            return CrawlHistory.fromJson(new JsonObject(text));
        } catch (IllegalArgumentException | DecodeException e) {
            LOG.warn("the crawl's history in {} is unreadable, counting from this run: {}", db.dir(), e.getMessage());
            return CrawlHistory.unknown();
        }
    }

    /**
     * Puts the crawl's history into the state's pending batch, so the next write carries it: call it on the
     * frontier's thread just before a checkpoint commits, or with {@code flush} when nothing else runs yet.
     */
    void saveHistory(CrawlHistory history, boolean flush) {
        if (db != null) {
            db.putMeta(HISTORY, history.toJson().encode());
            if (flush) {
                db.flush();
            }
        }
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
