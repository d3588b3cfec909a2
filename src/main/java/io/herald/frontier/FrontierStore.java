package io.herald.frontier;

import io.herald.model.CrawlUrl;
import io.vertx.core.Future;

import java.util.Collection;

/**
 * The queued URLs, one FIFO queue per host. Related-story links of a host are served before its
 * other links. An in-memory implementation backs small crawls and tests; a durable one can replace
 * it without the frontier noticing.
 *
 * <p>A durable store also remembers which polled URLs are still in flight, so that a crash loses none:
 * a URL polled and not yet {@linkplain #done done} (or done but not yet checkpointed) is queued again
 * when the store is reopened.
 */
public interface FrontierStore {
    void push(CrawlUrl url);

    /** The next URL of the host, or null when its queue is empty. It counts as in flight until {@link #done}. */
    CrawlUrl poll(String hostKey);

    int size(String hostKey);

    /** URLs queued across all hosts. */
    long size();

    /** Empties a host's queue and says how many URLs it held. */
    int drop(String hostKey);

    /** Hosts with queued URLs: after a restart, the frontier schedules these before anything new arrives. */
    Collection<String> queuedHosts();

    /** The outcome of a polled URL is final (its article, if any, is written); it need not be fetched again. */
    default void done(CrawlUrl url) {
    }

    /**
     * Starts a checkpoint: returns the action that makes every {@link #done} so far (and every change before
     * it) durable, together with the crawl's page count. Run it only once the output is synced, so that no
     * URL counts as done before its article is on disk.
     */
    default Runnable checkpoint(long pagesStarted) {
        return () -> { };
    }

    /**
     * Completes once every change committed so far is also in the queue's replica (cluster mode, {@link
     * ReplicatedFrontierStore}); a store without a replica has nothing more to do. Never fails.
     */
    default Future<Void> replicated() {
        return Future.succeededFuture();
    }

    /** Pages started by earlier runs of this crawl, as of their last checkpoint (0 for a new crawl). */
    default long pagesStartedBefore() {
        return 0;
    }
}
