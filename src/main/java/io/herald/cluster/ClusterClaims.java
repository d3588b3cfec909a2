package io.herald.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.herald.sink.ArticleClaims;
import io.herald.sink.OutputKeys;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Article claims shared by the cluster, in the Hazelcast map {@value #MAP}: key → the claiming node's name, with
 * {@code +} once its line is synced (confirmed). Every step is an atomic {@link ClaimStep} on the key's partition,
 * through Hazelcast's async API; the answers come back on the caller's Vert.x context, so no event loop waits.
 *
 * <p>A claim is granted when the key is free or held by this node (a node restarted after a crash re-writes what it
 * had claimed exactly as a single crawl does: its own written keys decide), refused when held by a node still in the
 * crawl or confirmed by one that left. A claim left unconfirmed by a node no longer in the crawl is ambiguous: the
 * line may or may not have reached its output. It is settled by reading that node's output folder when this machine
 * can ({@code output.dir/<node>}, a shared folder): the key there → refused; not there → this node takes the claim
 * over and writes the article. A folder that cannot be read → refused (the article may then be missing from the
 * crawl's output), warned once per node and counted in {@link #unverified()}.
 */
public final class ClusterClaims implements ArticleClaims {
    /** The map of claims, backed up once (see {@link HazelcastSettings}). */
    public static final String MAP = "herald.articles";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterClaims.class);

    private final IMap<String, String> map;
    private final String self;
    private final Predicate<String> member;
    private final Path outputRoot;
    /** Keys read from a dead node's folder, with the folder's stamp when read: a folder read once is read once. */
    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final AtomicLong unverified = new AtomicLong();

    private record Read(Set<String> stamp, OutputKeys keys) {
    }

    ClusterClaims(IMap<String, String> map, String self, Predicate<String> member, Path outputRoot) {
        this.map = Objects.requireNonNull(map);
        this.self = Objects.requireNonNull(self);
        this.member = Objects.requireNonNull(member);
        this.outputRoot = Objects.requireNonNull(outputRoot);
    }

    /**
     * @param self       this node's name ({@code cluster.nodeName})
     * @param member     whether a node is still part of the crawl (in its ring); asked on the sink's event loop
     * @param outputRoot the configured {@code output.dir}, under which each node has its folder
     */
    public static ClusterClaims of(HazelcastInstance hazelcast, String self, Predicate<String> member,
                                   Path outputRoot) {
        return new ClusterClaims(hazelcast.getMap(MAP), self, member, outputRoot);
    }

    /** Claims refused because a dead node's unconfirmed claim could not be checked against its output. */
    public long unverified() {
        return unverified.get();
    }

    @Override
    public Future<Boolean> claim(List<String> keys) {
        Context context = context();
        Set<String> wanted = new LinkedHashSet<>(keys);
        return on(context, () -> map.submitToKeys(wanted, new ClaimStep(ClaimStep.Op.CLAIM, self, null)))
                .compose(holders -> {
                    List<String> gained = new ArrayList<>();
                    List<Future<Boolean>> decided = new ArrayList<>();
                    for (String key : wanted) {
                        String holder = holders.get(key);
                        if (holder == null) {
                            gained.add(key);
                            decided.add(Future.succeededFuture(true));
                        } else {
                            decided.add(settle(context, key, holder, gained));
                        }
                    }
                    return Future.all(decided).compose(all -> {
                        if (decided.stream().allMatch(Future::result)) {
                            return Future.succeededFuture(true);
                        }
                        // all or nothing: what this call gained goes back (keys held before it stay)
                        return release(gained).map(false);
                    });
                });
    }

    /** A key held already: granted when held by this node, else refused unless a dead node's claim is void. */
    private Future<Boolean> settle(Context context, String key, String holder, List<String> gained) {
        boolean confirmed = holder.endsWith(ClaimStep.CONFIRMED);
        String node = confirmed ? holder.substring(0, holder.length() - 1) : holder;
        if (node.equals(self)) {
            return Future.succeededFuture(true);
        }
        if (confirmed || member.test(node)) {
            return Future.succeededFuture(false);
        }
        return deadOutput(context, node).compose(found -> {
            if (found == null || found.contains(key)) {
                return Future.succeededFuture(false);
            }
            return on(context, () -> map.submitToKey(key, new ClaimStep(ClaimStep.Op.TAKE_OVER, self, holder)))
                    .map(now -> {
                        if (!self.equals(now)) {
                            return false; // another survivor was first
                        }
                        gained.add(key);
                        LOG.info("Article {} claimed by {}, which left the crawl without writing it: written here",
                                key, node);
                        return true;
                    });
        });
    }

    /** The keys in a dead node's output folder, or null (counted, warned once) when this machine cannot read it. */
    private Future<OutputKeys> deadOutput(Context context, String node) {
        Path dir = NodeFolders.outputOf(outputRoot, node);
        // ordered: a second claim on the same dead node waits for the first read and finds it cached
        return context.<OutputKeys>executeBlocking(() -> readKeys(node, dir), true).otherwise(e -> {
            unverified.incrementAndGet();
            if (warned.add(node)) {
                LOG.warn("Node {} left the crawl and its output folder {} cannot be read here ({}): articles it "
                        + "claimed but had not confirmed are taken as written, so some may be missing from the "
                        + "crawl's output", node, dir, e.toString());
            }
            return null;
        });
    }

    private OutputKeys readKeys(String node, Path dir) throws IOException {
        Set<String> stamp = OutputKeys.stamp(dir);
        Read read = reads.get(node);
        if (read == null || !read.stamp().equals(stamp)) {
            read = new Read(stamp, OutputKeys.read(dir));
            reads.put(node, read);
            LOG.info("Read the output of node {}, which left the crawl: {} article keys", node, read.keys().size());
        }
        return read.keys();
    }

    @Override
    public Future<Void> release(List<String> keys) {
        return step(ClaimStep.Op.RELEASE, keys);
    }

    @Override
    public Future<Void> confirm(List<String> keys) {
        return step(ClaimStep.Op.CONFIRM, keys);
    }

    private Future<Void> step(ClaimStep.Op op, List<String> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture();
        }
        Set<String> wanted = new LinkedHashSet<>(keys);
        return on(context(), () -> map.submitToKeys(wanted, new ClaimStep(op, self, null))).mapEmpty();
    }

    /** The step's answer on {@code context}; a step refused at once (the member shut down, say) is a failed future. */
    private static <T> Future<T> on(Context context, Supplier<CompletionStage<T>> step) {
        try {
            return Future.fromCompletionStage(step.get(), context);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static Context context() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("article claims are asked on a Vert.x context (the sink's)");
        }
        return context;
    }

    @Override
    public String toString() {
        return "cluster article claims of " + self;
    }
}
