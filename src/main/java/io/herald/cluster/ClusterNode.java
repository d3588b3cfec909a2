package io.herald.cluster;

import io.herald.config.ClusterConfig;
import io.herald.config.CrawlConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import com.hazelcast.map.IMap;
import io.herald.config.PolitenessConfig;
import io.herald.frontier.UrlNormalizer;
import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.herald.sink.ArticleClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * This process as a member of the cluster. The cluster has its own clustered Vert.x, apart from the crawl's: the
 * crawl's stages keep their local event bus and local-only messages, and only the cluster's few addresses (URLs
 * handed over, state for the end-of-crawl check, the end) cross the network. Joining ({@link #join}) checks the
 * config against the cluster's, claims the node's name, and waits until the ring of node names (which decides who
 * owns which host) is agreed. The ring changes when a node joins a running crawl or a node gone longer than
 * {@code cluster.takeoverAfter} is dropped; each node's rounds read it and hand hosts over (docs/cluster.md).
 */
public final class ClusterNode {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** The cluster-wide map of the crawl: fingerprint, node names, ring, end. */
    static final String MAP = "herald.cluster";
    private static final String URLS = "herald.cluster.urls.";
    private static final String STATE = "herald.cluster.state.";
    private static final String OVER = "herald.cluster.over";
    private static final String COUNTERS = "herald.cluster.counters.";
    /** The header naming the node a batch of URLs comes from. */
    private static final String FROM = "from";
    private static final long CHECK_MS = 500;
    private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(2_000);
    /** A batch's wait for its answer beyond two of the owner's checkpoint intervals (see {@link #sendOptions}). */
    private static final long SEND_SLACK_MS = 10_000;

    private final Vertx vertx;
    private final HazelcastClusterManager manager;
    private final String name;
    private final IMap<String, String> map;
    private final ClusterShare share;
    private final Membership membership;
    private final List<String> seeds;
    private final UrlNormalizer normalizer;
    private final Context context;
    /** Which node writes each article, cluster-wide. */
    private final ClusterClaims claims;
    /** The ring this node works with (the cluster context's thread; volatile for /status). */
    private volatile RingRecord ring;
    private Quiescence quiescence;
    /** Dropped nodes whose queue this run has taken over, or is taking over (the cluster context's thread). */
    private final Set<String> takenOver = new HashSet<>();
    /** Dropped nodes whose queue this run has taken over and committed (the cluster context's thread). */
    private final Set<String> tookOver = new HashSet<>();
    /** The nodes that answered the last round of the end-of-crawl check. */
    private volatile Set<String> answering = Set.of();
    /** A round of the end-of-crawl check is under way (the cluster context's thread only). */
    private boolean checking;
    /** This node's counters (its /status without the per-host part), given by the app once the crawl runs. */
    private volatile Supplier<JsonObject> counters = JsonObject::new;

    private ClusterNode(Vertx vertx, HazelcastClusterManager manager, CrawlConfig config, ClusterJoin.Joined joined) {
        this.vertx = vertx;
        this.manager = manager;
        this.name = config.cluster().nodeName();
        this.map = manager.getHazelcastInstance().getMap(MAP);
        this.ring = joined.ring();
        this.context = vertx.getOrCreateContext();
        DeliveryOptions send = sendOptions(config.state().checkpointInterval()).addHeader(FROM, name);
        this.share = new ClusterShare(name, joined.ownership(), ring, cooldown(config), context,
                (node, urls) -> vertx.eventBus().request(URLS + node, UrlJson.toJson(urls), send));
        this.quiescence = new Quiescence(new TreeSet<>(ring.nodes()));
        this.membership = new Membership(config.cluster().takeoverAfter());
        this.seeds = config.crawl().seeds();
        this.normalizer = new UrlNormalizer(config.scope().stripParams());
        // a node dropped from the ring may have died between a claim and its line: its folder tells (shared output.dir)
        this.claims = ClusterClaims.of(manager.getHazelcastInstance(), name, node -> ring.nodes().contains(node),
                config.output().dir());
    }

    /**
     * How long a host gained from another node waits once that node has stopped asking it: the longest gap any host
     * may need, the configured delay, a robots.txt Crawl-delay (up to its cap) or the adaptive delay (up to its cap).
     * The new owner knows none of the old one's clocks, so it waits out the longest.
     */
    static Duration cooldown(CrawlConfig config) {
        PolitenessConfig p = config.politeness();
        Duration longest = p.delay().compareTo(p.maxCrawlDelay()) >= 0 ? p.delay() : p.maxCrawlDelay();
        if (p.adaptiveFactor() > 0 && p.maxAdaptiveDelay().compareTo(longest) > 0) {
            longest = p.maxAdaptiveDelay();
        }
        return longest;
    }

    /**
     * A batch unanswered this long is sent again (the owner's seen set drops a repeat): a message to a node that was
     * just killed can vanish without a failure. The owner answers after its next checkpoint has committed the batch,
     * so the wait must outlast a checkpoint interval (every node has the same, the config being the same) or a slow
     * interval would have every batch sent twice.
     */
    static DeliveryOptions sendOptions(Duration checkpointInterval) {
        return new DeliveryOptions().setSendTimeout(SEND_SLACK_MS + 2 * checkpointInterval.toMillis());
    }

    /**
     * Joins the cluster of {@code config} (blocking; from the command's thread): on return the ring is agreed and this
     * node listens for the URLs of its hosts.
     *
     * @throws ClusterJoinException when the config differs from the cluster's, the name is taken, the crawl's ring
     *                              has no place for this node, or the members do not all join in time
     */
    public static ClusterNode join(CrawlConfig config) {
        ClusterConfig cluster = config.cluster();
        long deadline = System.nanoTime() + cluster.joinTimeout().toNanos();
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.of(cluster, config.crawl().name()));
        Vertx vertx = start(manager, cluster);
        try {
            ClusterJoin join = new ClusterJoin(manager.getHazelcastInstance().getMap(MAP), manager, cluster, deadline);
            join.checkFingerprint(ClusterFingerprint.of(config));
            join.claimName();
            ClusterJoin.Joined joined = join.agreeRing();
            ClusterNode node = new ClusterNode(vertx, manager, config, joined);
            node.listen();
            LOG.info("cluster: node {} joined; the hosts are shared among {} (ring {})", cluster.nodeName(),
                    joined.ring().nodes(), joined.ring().epoch());
            return node;
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    private static Vertx start(HazelcastClusterManager manager, ClusterConfig cluster) {
        try {
            return Vertx.builder()
                    .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost(cluster.host()).setPort(0)))
                    .withClusterManager(manager)
                    .buildClustered()
                    .toCompletionStage().toCompletableFuture()
                    .get(cluster.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new ClusterJoinException(false, "cluster: could not start the cluster member on " + cluster.host()
                    + ":" + cluster.port() + " (cluster.host, cluster.port) within " + cluster.joinTimeout().toSeconds()
                    + "s: " + e, e);
        }
    }

    private void listen() {
        try {
            Future.<Void>future(p -> context.runOnContext(v -> {
                vertx.eventBus().<JsonArray>consumer(URLS + name, msg -> share.receive(UrlJson.fromJson(msg.body()), msg.headers().get(FROM))
                        .onSuccess(msg::reply)
                        .onFailure(e -> msg.fail(1, e.getMessage())));
                vertx.eventBus().<Object>consumer(STATE + name, msg -> msg.reply(share.state().toJson()));
                vertx.eventBus().<Object>consumer(OVER, msg -> share.crawlIsOver());
                vertx.eventBus().<Object>consumer(COUNTERS + name, msg -> msg.reply(counters.get()));
                vertx.setPeriodic(CHECK_MS, id -> checkEnd());
                p.complete();
            })).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ClusterJoinException(false, "cluster: could not listen on the cluster's event bus: " + e, e);
        }
    }

    /**
     * One round (every node runs them): the ring and who is live, read from the cluster's map off the event loop;
     * a newer ring is taken up; nodes gone too long are dropped; then every node's state is asked, which tells when
     * every node has settled under the ring and when the whole crawl is over (the first to see it tells the others).
     */
    private void checkEnd() {
        if (share.isOver() || checking) {
            return; // one round at a time: the rule needs each round's answers given after the previous round's
        }
        checking = true;
        vertx.executeBlocking(this::look, false)
                .compose(this::act)
                .onComplete(done -> {
                    if (done.failed()) {
                        LOG.debug("cluster: a round failed: {}", done.cause().toString());
                    }
                    checking = false;
                });
    }

    /** What one round sees in the cluster's map. */
    private record Look(boolean over, RingRecord ring, Set<String> live) {
    }

    /** Hazelcast's blocking API: on a worker thread. */
    private Look look() {
        boolean over = "true".equals(map.get(OVER));
        RingRecord newest = RingRecord.decode(map.get(ClusterJoin.RING));
        Set<String> members = new HashSet<>(manager.getNodes());
        Set<String> live = new TreeSet<>();
        for (String node : newest.nodes()) {
            String id = map.get("node." + node);
            if (id != null && members.contains(id)) {
                live.add(node);
            }
        }
        return new Look(over, newest, live);
    }

    private Future<Void> act(Look look) {
        if (look.over()) {
            share.crawlIsOver(); // the end was seen by a node whose message this one missed
            return Future.succeededFuture();
        }
        if (look.ring().epoch() > ring.epoch()) {
            adopt(look.ring());
        }
        if (!ring.nodes().contains(name)) {
            share.quorum(false);
            return vertx.executeBlocking(this::rejoin, false).mapEmpty();
        }
        share.quorum(Membership.quorum(ring.nodes(), look.live()));
        takeOverDropped();
        Set<String> gone = membership.observe(ring.nodes(), look.live(), System.currentTimeMillis());
        if (!gone.isEmpty()) {
            RingRecord from = ring;
            return vertx.executeBlocking(() -> drop(from, gone), false).mapEmpty();
        }
        return askRound();
    }

    /** Takes up a newer ring: hosts move (see {@link ClusterShare}); the queues of dropped nodes are taken over. */
    private void adopt(RingRecord newer) {
        LOG.info("cluster: ring {} takes effect: the hosts are shared among {}{}", newer.epoch(), newer.nodes(),
                newer.removed().isEmpty() ? "" : "; dropped so far: " + newer.removed());
        ring = newer;
        quiescence = new Quiescence(new TreeSet<>(newer.nodes()));
        share.adopt(newer);
    }

    /**
     * Takes over the queue of each node dropped from the ring, once per run (a node that restarts does it again:
     * the seen set drops repeats); one that fails is tried again at a later round.
     */
    private void takeOverDropped() {
        share.takingOver(!tookOver.containsAll(ring.removed()));
        for (String node : ring.removed()) {
            if (takenOver.add(node)) {
                takeOver(node)
                        .onSuccess(taken -> {
                            LOG.info("cluster: took over {} URLs of {}'s queue (this node's share of its hosts)",
                                    taken, node);
                            tookOver.add(node);
                            share.takingOver(!tookOver.containsAll(ring.removed()));
                        })
                        .onFailure(e -> {
                            LOG.warn("cluster: could not take over {}'s queue yet: {}", node, e.toString());
                            takenOver.remove(node);
                        });
            }
        }
    }

    /**
     * This node's share of a dropped node's queue: its replicated URLs of the hosts this node owns now, and the
     * configured seeds of those hosts (a node that died before its first checkpoint replicated nothing). They are
     * admitted as this node's own (its seen set drops what it has) and committed, to its state and its replicated
     * queue, before the future completes; only then is the dropped node's queue no longer needed for them.
     */
    private Future<Integer> takeOver(String dropped) {
        return queueReplica().takeOver(dropped, share::ownsNow).compose(urls -> {
            List<CrawlUrl> all = new ArrayList<>(urls);
            for (String seed : seeds) {
                String url = normalizer.normalize(seed);
                if (url != null && share.ownsNow(UrlNormalizer.hostKey(url))) {
                    all.add(new CrawlUrl(url, UrlNormalizer.hostKey(url), 0, null, Via.SEED, 0, 0));
                }
            }
            return all.isEmpty() ? Future.succeededFuture(0) : share.receive(all, null);
        });
    }

    /** Drops nodes gone too long from the ring, unless the ring changed meanwhile (then the next round looks again). */
    private boolean drop(RingRecord from, Set<String> gone) {
        boolean dropped = map.replace(ClusterJoin.RING, from.encode(), from.without(gone).encode());
        if (dropped) {
            LOG.warn("cluster: {} gone longer than cluster.takeoverAfter: dropped from the ring; the others take its"
                    + " hosts over", gone);
        }
        return dropped;
    }

    /** This node was dropped while it could not be reached (a pause, a network split): it joins again. */
    private boolean rejoin() {
        String text = map.get(ClusterJoin.RING);
        RingRecord newest = RingRecord.decode(text);
        if (newest.nodes().contains(name)) {
            return true;
        }
        LOG.warn("cluster: this node was dropped from the ring while it could not be reached; it joins again");
        return map.replace(ClusterJoin.RING, text, newest.joined(name).encode());
    }

    private Future<Void> askRound() {
        RingRecord asked = ring;
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (String node : asked.nodes()) {
            answers.add(vertx.eventBus().<JsonObject>request(STATE + node, null, ASK).map(msg -> msg.body())
                    .otherwiseEmpty());
        }
        return Future.join(answers).transform(ar -> {
            Map<String, NodeState> round = new HashMap<>();
            for (int i = 0; i < answers.size(); i++) {
                JsonObject answer = answers.get(i).result();
                if (answer != null) {
                    round.put(asked.nodes().get(i), NodeState.fromJson(answer));
                }
            }
            answering = new TreeSet<>(round.keySet());
            if (asked != ring) {
                return Future.succeededFuture(); // the ring changed during the round
            }
            boolean settled = round.size() == asked.nodes().size()
                    && round.values().stream().allMatch(state -> state.settled() >= asked.epoch());
            if (settled) {
                share.everyoneSettled(asked.epoch());
            }
            if (!settled || !quiescence.observe(round)) {
                return Future.succeededFuture();
            }
            LOG.info("cluster: every node is idle and nothing is on its way: the crawl is over");
            // recorded first, for a node that misses the message (it reads the record at its next round)
            return vertx.sharedData().<String, String>getClusterWideMap(MAP).compose(m -> m.put(OVER, "true"))
                    .onComplete(put -> vertx.eventBus().publish(OVER, true))
                    .<Void>mapEmpty().otherwiseEmpty();
        });
    }

    /**
     * The claims the sink asks before it writes an article: when hosts change owners, a page written by one node may
     * be fetched again by another, and only one may write it.
     */
    public ArticleClaims claims() {
        return claims;
    }

    /** The frontier's view of this node's share of the hosts. */
    public ClusterShare share() {
        return share;
    }

    /** For /health and /status: this node, the ring, the live members, and what waits for whom. */
    public JsonObject view() {
        NodeState state = share.state();
        RingRecord now = ring;
        return new JsonObject().put("node", name).put("nodes", new JsonArray(now.nodes())).put("epoch", now.epoch())
                .put("dropped", new JsonArray(now.removed())).put("quorum", share.hasQuorum())
                .put("answering", new JsonArray(new ArrayList<>(answering)))
                .put("members", manager.getNodes().size()).put("unreachable", new JsonArray(new ArrayList<>(share.unreachable())))
                .put("waitingForOwners", share.waiting()).put("handedOver", state.sent())
                .put("received", state.received()).put("idle", state.idle()).put("over", share.isOver())
                .put("claimsUnverified", claims.unverified());
    }

    /** Where this node's counters come from, for the other nodes' {@code /status?cluster=true}. */
    public void counters(Supplier<JsonObject> supplier) {
        this.counters = supplier;
    }

    /**
     * Every node's counters ({@code nodes}: name → its /status counters, or {@code {"unreachable": true}}) and the
     * crawl's totals over the nodes ({@code totals}: the sum of each number in their {@code total}; elapsedMs the
     * longest).
     */
    public Future<JsonObject> members() {
        List<String> nodes = ring.nodes();
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (String node : nodes) {
            answers.add(vertx.eventBus().<JsonObject>request(COUNTERS + node, null, ASK).map(msg -> msg.body())
                    .otherwise(e -> new JsonObject().put("unreachable", true)));
        }
        return Future.join(answers).map(all -> {
            JsonObject byNode = new JsonObject();
            JsonObject totals = new JsonObject();
            for (int i = 0; i < answers.size(); i++) {
                JsonObject status = answers.get(i).result();
                byNode.put(nodes.get(i), status);
                JsonObject total = status.getJsonObject("total", new JsonObject());
                total.forEach(e -> add(totals, e.getKey(), e.getValue()));
            }
            return new JsonObject().put("cluster", view()).put("totals", totals).put("nodes", byNode);
        });
    }

    private static void add(JsonObject totals, String key, Object value) {
        if (value instanceof Number n) {
            double was = totals.getDouble(key, 0.0);
            double sum = key.equals("elapsedMs") ? Math.max(was, n.doubleValue()) : was + n.doubleValue();
            totals.put(key, value instanceof Double || value instanceof Float ? (Object) sum : (Object) (long) sum);
        }
    }

    /** Leaves the cluster (the crawl is over here, or stopped). */
    public Future<Void> leave() {
        return vertx.close();
    }

    /**
     * This node's queue kept in the cluster ({@code herald.queue.<name>}), for the crawl's store to write and, should
     * a node die for good, for the survivors to read ({@link HazelcastQueueReplica#takeOver}).
     */
    public HazelcastQueueReplica queueReplica() {
        return new HazelcastQueueReplica(vertx, manager.getHazelcastInstance(), name);
    }
}
