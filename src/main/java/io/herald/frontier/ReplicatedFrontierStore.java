package io.herald.frontier;

import io.herald.model.CrawlUrl;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FrontierStore} whose queue is also kept in a {@link QueueReplica} (cluster mode), so that the other nodes
 * can take this node's hosts over if it dies for good. It notes the URLs pushed and done since the last apply and,
 * when a checkpoint commits (after the inner store's commit), applies them to the replica: puts first, then
 * removals. A URL pushed and done before the apply never reaches the replica.
 *
 * <p>Why the order: a page is done only after its links were pushed, so its removal comes with or after their puts.
 * The replica's apply is two steps; a crash between them leaves the page in the replica with its links, never the
 * links' parent gone without them. Whatever the replica lacks (pushed, committed here, never applied) has an
 * ancestor page still in it, whose refetch rediscovers it.
 *
 * <p>One apply at a time: a commit during an apply waits for it (a later removal must not overtake an earlier put).
 * A failed apply is logged and its changes merged back into the pending ones, to be retried with the next commit;
 * {@link #replicated} does not complete until they are in. Single-threaded, on the frontier's thread (the replica
 * completes its futures there); nothing here blocks.
 */
public final class ReplicatedFrontierStore implements FrontierStore {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedFrontierStore.class);

    /** A URL to put; {@code mayBeThere}: the replica may hold the URL already (an earlier apply, or a failed one). */
    private record Put(CrawlUrl url, boolean mayBeThere) {
    }

    /** A caller of {@link #replicated} waiting until the changes of commit number {@code commit} are applied. */
    private record Waiter(long commit, Promise<Void> promise) {
    }

    private final FrontierStore inner;
    private final QueueReplica replica;
    private Map<String, Put> puts = new LinkedHashMap<>();
    private Set<String> removals = new LinkedHashSet<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private long commits;
    private long appliedUpTo;
    private boolean applying;

    public ReplicatedFrontierStore(FrontierStore inner, QueueReplica replica) {
        this.inner = inner;
        this.replica = replica;
    }

    @Override
    public void push(CrawlUrl url) {
        inner.push(url);
        String key = url.url();
        Put earlier = puts.get(key);
        boolean mayBeThere = removals.remove(key) || earlier != null && earlier.mayBeThere();
        puts.put(key, new Put(url, mayBeThere));
    }

    @Override
    public void done(CrawlUrl url) {
        inner.done(url);
        String key = url.url();
        Put put = puts.get(key);
        if (put == null) {
            removals.add(key);
        } else if (put.url().equals(url)) {
            puts.remove(key); // pushed and done between two applies: the replica need not hear of it...
            if (put.mayBeThere()) {
                removals.add(key); // ...unless it may hold it already
            }
        } else {
            // a newer copy of the URL (a retry, queued before this attempt was done) is queued: the entry stays, and
            // this attempt may be in the replica from an earlier apply, so the newer's done must remove it
            puts.put(key, new Put(put.url(), true));
        }
    }

    @Override
    public CrawlUrl poll(String hostKey) {
        return inner.poll(hostKey); // a URL in flight stays in the replica until done
    }

    @Override
    public int size(String hostKey) {
        return inner.size(hostKey);
    }

    @Override
    public long size() {
        return inner.size();
    }

    /**
     * Dropped URLs are not removed from the replica (the inner store does not say which they were): a survivor that
     * takes them over tries the host again, and gives up on it as this node did if it is still unreachable.
     */
    @Override
    public int drop(String hostKey) {
        return inner.drop(hostKey);
    }

    @Override
    public Collection<String> queuedHosts() {
        return inner.queuedHosts();
    }

    @Override
    public long pagesStartedBefore() {
        return inner.pagesStartedBefore();
    }

    /** The inner store's checkpoint; its commit then applies the changes noted so far to the replica. */
    @Override
    public Runnable checkpoint(long pagesStarted) {
        Runnable commit = inner.checkpoint(pagesStarted);
        return () -> {
            commit.run(); // the replica is never ahead of a commit that failed
            commits++;
            applyPending();
        };
    }

    /** Completes once every change committed so far is in the replica (at once if it is already). Never fails. */
    @Override
    public Future<Void> replicated() {
        if (appliedUpTo == commits) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        waiters.add(new Waiter(commits, promise));
        return promise.future();
    }

    private void applyPending() {
        if (applying) {
            return; // the apply under way starts the next when it ends
        }
        long covers = commits;
        if (puts.isEmpty() && removals.isEmpty()) {
            applied(covers);
            return;
        }
        Map<String, Put> batchPuts = puts;
        Set<String> batchRemovals = removals;
        puts = new LinkedHashMap<>();
        removals = new LinkedHashSet<>();
        applying = true;
        Future<Void> apply;
        try {
            apply = replica.apply(batchPuts.values().stream().map(Put::url).toList(), batchRemovals);
        } catch (RuntimeException e) {
            apply = Future.failedFuture(e);
        }
        apply.onComplete(ar -> {
            applying = false;
            if (ar.succeeded()) {
                applied(covers);
            } else {
                LOG.warn("the queue's replica was not updated ({} puts, {} removals); retrying with the next "
                        + "checkpoint: {}", batchPuts.size(), batchRemovals.size(), ar.cause().toString());
                mergeBack(batchPuts, batchRemovals);
            }
            if (commits > covers) {
                applyPending(); // a commit came meanwhile: its changes, and a failed batch's, go now
            }
        });
    }

    private void applied(long covers) {
        appliedUpTo = covers;
        while (!waiters.isEmpty() && waiters.peek().commit() <= covers) {
            waiters.poll().promise().complete();
        }
    }

    /**
     * A failed batch, older than the changes noted since, goes back under them. Part of it may have been applied, so
     * each of its URLs may be in the replica; a newer change of the same URL wins.
     */
    private void mergeBack(Map<String, Put> failedPuts, Set<String> failedRemovals) {
        for (Put put : failedPuts.values()) {
            String key = put.url().url();
            Put newer = puts.get(key);
            if (newer != null) {
                puts.put(key, new Put(newer.url(), true));
            } else if (!removals.contains(key)) { // done since: the removal (applied after the puts) covers it
                puts.put(key, new Put(put.url(), true));
            }
        }
        for (String key : failedRemovals) {
            Put newer = puts.get(key);
            if (newer != null) {
                puts.put(key, new Put(newer.url(), true)); // queued again since: it stays, once put again
            } else {
                removals.add(key);
            }
        }
    }
}
