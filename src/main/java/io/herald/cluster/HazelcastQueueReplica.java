package io.herald.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.herald.frontier.QueueReplica;
import io.herald.model.CrawlUrl;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * The queues of the crawl's nodes in Hazelcast, one map per node ({@code herald.queue.<node>}: URL → {@link UrlJson}
 * of the queued {@link CrawlUrl}), with one backup on another member ({@link HazelcastSettings}), so a node's queue
 * outlives the node. The node writes its own map ({@link #apply}, fed by
 * {@link io.herald.frontier.ReplicatedFrontierStore} at each checkpoint's commit); when it dies for good, each
 * survivor reads the URLs of the hosts it now owns ({@link #takeOver}). Nothing clears a dropped node's map during
 * the crawl ({@link #clear} is there for tests and tools): a node that comes back under that name adds to it, and
 * stale entries cost a survivor a refetch at most, never a second article.
 *
 * <p>The replica trails the node's own state by up to one apply (about one checkpoint interval), in both ways:
 * <ul>
 * <li>Behind (a crash after the local commit, before the apply): URLs pushed since the last apply are missing, but
 * the pages they were found on are done only by the same apply's removals, which come after its puts; so each
 * missing URL has its page in the replica, whose refetch finds it again. URLs other nodes handed over are never
 * missing: their senders keep them until the replica has them (the frontier answers only then).</li>
 * <li>Ahead (a page done after the checkpoint began, removed at its commit): the page's article is written to the
 * node's output (perhaps not yet synced); the dead node's output is its own to keep, the replica cannot help it.
 * A URL still in the replica though done (a failed removal, a dropped host) costs a harmless refetch.</li>
 * </ul>
 *
 * <p>Memory: every queued URL is held twice in the cluster's heap (the owner's partition and its backup), as
 * Hazelcast's binary key and value plus its entry overhead: about 850 bytes per URL for both copies together, with
 * an 80-character URL and its referrer (Hazelcast's own count in {@code HazelcastQueueReplicaTest}; docs/cluster.md).
 * Each node's own queue stays in its RocksDB as well.
 *
 * <p>Nothing blocks the caller: writes use Hazelcast's asynchronous calls, reads that iterate run on a worker of
 * {@code vertx}; every future completes on the caller's context.
 */
public final class HazelcastQueueReplica implements QueueReplica {
    /** The maps' names: this prefix and the node's name. */
    static final String PREFIX = "herald.queue.";
    private static final int FETCH = 1000;
    private static final int REMOVE_AT_ONCE = 1000;

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final IMap<String, String> own;

    /**
     * @param vertx     a Vert.x whose workers run the iterating reads (the cluster's)
     * @param hazelcast the cluster's member ({@code HazelcastClusterManager.getHazelcastInstance()})
     * @param node      this node's name: its queue is {@code herald.queue.<node>}
     */
    public HazelcastQueueReplica(Vertx vertx, HazelcastInstance hazelcast, String node) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
        this.own = map(node);
    }

    private IMap<String, String> map(String node) {
        return hazelcast.getMap(PREFIX + node);
    }

    /**
     * Puts with one batched {@code setAllAsync}, then removes with {@code removeAsync} calls pipelined a thousand at a
     * time. (An entry processor over all the keys, {@code submitToKeys}, was 5-8 times slower for 5,000 removals on
     * two loopback members: 480-980 ms against 75-210 ms.)
     */
    @Override
    public Future<Void> apply(Collection<CrawlUrl> puts, Collection<String> removals) {
        Context caller = callerContext();
        Map<String, String> entries = new HashMap<>(puts.size() * 2);
        puts.forEach(url -> entries.put(url.url(), UrlJson.toJson(url).encode()));
        List<String> keys = List.copyOf(new LinkedHashSet<>(removals));
        CompletionStage<Void> put = entries.isEmpty() ? done() : own.setAllAsync(entries);
        return Future.fromCompletionStage(put.thenCompose(v -> remove(keys, 0)), caller);
    }

    private CompletionStage<Void> remove(List<String> keys, int from) {
        if (from >= keys.size()) {
            return done();
        }
        int to = Math.min(keys.size(), from + REMOVE_AT_ONCE);
        CompletableFuture<?>[] removals = keys.subList(from, to).stream()
                .map(key -> own.removeAsync(key).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(removals).thenCompose(v -> remove(keys, to));
    }

    /**
     * The URLs of {@code deadNode}'s replicated queue whose host {@code ownsHostKey} accepts (this node's share of
     * its hosts). The map is read on a worker, a thousand entries at a time; the predicate runs on the caller's
     * context (a ring's memo may be single-threaded). The map is left as it is: the dead node's other hosts are other
     * survivors' to take.
     */
    public Future<List<CrawlUrl>> takeOver(String deadNode, Predicate<String> ownsHostKey) {
        Context caller = callerContext();
        IMap<String, String> dead = map(deadNode);
        Future<List<CrawlUrl>> all = vertx.executeBlocking(() -> {
            List<CrawlUrl> urls = new ArrayList<>();
            Iterator<Map.Entry<String, String>> it = dead.iterator(FETCH);
            while (it.hasNext()) {
                urls.add(UrlJson.fromJson(new JsonObject(it.next().getValue())));
            }
            return urls;
        }, false);
        return Future.fromCompletionStage(all.toCompletionStage(), caller)
                .map(urls -> urls.stream().filter(url -> ownsHostKey.test(url.hostKey())).toList());
    }

    /** Empties {@code node}'s replicated queue: a node that starts afresh, once the survivors have taken it over. */
    public Future<Void> clear(String node) {
        Context caller = callerContext();
        IMap<String, String> map = map(node);
        Future<Void> cleared = vertx.executeBlocking(() -> {
            map.clear();
            return null;
        }, false);
        return Future.fromCompletionStage(cleared.toCompletionStage(), caller);
    }

    /** How many URLs {@code node}'s replicated queue holds (for /status and tests; blocks briefly, off the loop). */
    public Future<Integer> size(String node) {
        Context caller = callerContext();
        IMap<String, String> map = map(node);
        return Future.fromCompletionStage(vertx.executeBlocking(map::size, false).toCompletionStage(), caller);
    }

    private Context callerContext() {
        Context current = Vertx.currentContext();
        return current != null ? current : vertx.getOrCreateContext();
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

}
