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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * owns which host) is agreed; the ring is fixed for the crawl's life (docs/cluster.md says what that means).
 */
public final class ClusterNode {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** The cluster-wide map of the crawl: fingerprint, node names, ring, end. */
    static final String MAP = "herald.cluster";
    private static final String URLS = "herald.cluster.urls.";
    private static final String STATE = "herald.cluster.state.";
    private static final String OVER = "herald.cluster.over";
    private static final String COUNTERS = "herald.cluster.counters.";
    private static final long CHECK_MS = 500;
    private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(2_000);
    /** A batch's wait for its answer beyond two of the owner's checkpoint intervals (see {@link #sendOptions}). */
    private static final long SEND_SLACK_MS = 10_000;

    private final Vertx vertx;
    private final HazelcastClusterManager manager;
    private final String name;
    private final HostRing ring;
    private final ClusterShare share;
    private final Quiescence quiescence;
    private final Context context;
    /** The nodes that answered the last round of the end-of-crawl check. */
    private volatile Set<String> answering = Set.of();
    /** A round of the end-of-crawl check is under way (the cluster context's thread only). */
    private boolean checking;
    /** This node's counters (its /status without the per-host part), given by the app once the crawl runs. */
    private volatile Supplier<JsonObject> counters = JsonObject::new;

    private ClusterNode(Vertx vertx, HazelcastClusterManager manager, String name, HostRing ring,
                        Duration checkpointInterval) {
        this.vertx = vertx;
        this.manager = manager;
        this.name = name;
        this.ring = ring;
        this.context = vertx.getOrCreateContext();
        DeliveryOptions send = sendOptions(checkpointInterval);
        this.share = new ClusterShare(name, ring, context,
                (node, urls) -> vertx.eventBus().request(URLS + node, UrlJson.toJson(urls), send));
        this.quiescence = new Quiescence(new TreeSet<>(ring.nodes()));
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
            HostRing ring = join.agreeRing();
            ClusterNode node = new ClusterNode(vertx, manager, cluster.nodeName(), ring,
                    config.state().checkpointInterval());
            node.listen();
            LOG.info("cluster: node {} joined; the hosts are shared among {}", cluster.nodeName(), ring.nodes());
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
                vertx.eventBus().<JsonArray>consumer(URLS + name, msg -> share.receive(UrlJson.fromJson(msg.body()))
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

    /** One round of the end-of-crawl check (every node runs it; the first to see the end tells the others). */
    private void checkEnd() {
        if (share.isOver() || checking) {
            return; // one round at a time: the rule needs each round's answers given after the previous round's
        }
        checking = true;
        vertx.sharedData().<String, String>getClusterWideMap(MAP).compose(map -> map.get(OVER))
                .onComplete(over -> {
                    if (over.succeeded() && "true".equals(over.result())) {
                        share.crawlIsOver(); // the end was seen by a node whose message this one missed
                        checking = false;
                    } else {
                        askRound().onComplete(v -> checking = false);
                    }
                });
    }

    private Future<Void> askRound() {
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (String node : ring.nodes()) {
            answers.add(vertx.eventBus().<JsonObject>request(STATE + node, null, ASK).map(msg -> msg.body())
                    .otherwiseEmpty());
        }
        return Future.join(answers).transform(ar -> {
            Map<String, NodeState> round = new HashMap<>();
            for (int i = 0; i < answers.size(); i++) {
                JsonObject answer = answers.get(i).result();
                if (answer != null) {
                    round.put(ring.nodes().get(i), NodeState.fromJson(answer));
                }
            }
            answering = new TreeSet<>(round.keySet());
            if (!quiescence.observe(round)) {
                return Future.succeededFuture();
            }
            LOG.info("cluster: every node is idle and nothing is on its way: the crawl is over");
            // recorded first, for a node that misses the message (it reads the record at its next round)
            return vertx.sharedData().<String, String>getClusterWideMap(MAP).compose(map -> map.put(OVER, "true"))
                    .onComplete(put -> vertx.eventBus().publish(OVER, true))
                    .<Void>mapEmpty().otherwiseEmpty();
        });
    }

    /** The frontier's view of this node's share of the hosts. */
    public ClusterShare share() {
        return share;
    }

    /** For /health and /status: this node, the ring, the live members, and what waits for whom. */
    public JsonObject view() {
        NodeState state = share.state();
        return new JsonObject().put("node", name).put("nodes", new JsonArray(ring.nodes()))
                .put("answering", new JsonArray(new ArrayList<>(answering)))
                .put("members", manager.getNodes().size()).put("unreachable", new JsonArray(new ArrayList<>(share.unreachable())))
                .put("waitingForOwners", share.waiting()).put("handedOver", state.sent())
                .put("received", state.received()).put("idle", state.idle()).put("over", share.isOver());
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
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (String node : ring.nodes()) {
            answers.add(vertx.eventBus().<JsonObject>request(COUNTERS + node, null, ASK).map(msg -> msg.body())
                    .otherwise(e -> new JsonObject().put("unreachable", true)));
        }
        return Future.join(answers).map(all -> {
            JsonObject nodes = new JsonObject();
            JsonObject totals = new JsonObject();
            for (int i = 0; i < answers.size(); i++) {
                JsonObject status = answers.get(i).result();
                nodes.put(ring.nodes().get(i), status);
                JsonObject total = status.getJsonObject("total", new JsonObject());
                total.forEach(e -> add(totals, e.getKey(), e.getValue()));
            }
            return new JsonObject().put("cluster", view()).put("totals", totals).put("nodes", nodes);
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
