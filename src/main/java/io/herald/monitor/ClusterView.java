package io.herald.monitor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Cluster mode: what the monitor shows of the cluster (the app adapts the cluster node to it). */
public interface ClusterView {
    /** This node, the ring's nodes, those that answered lately, those its URLs cannot reach: for /health and /status. */
    JsonObject membership();

    /** Every node's counters and their sums, for {@code /status?cluster=true}. */
    Future<JsonObject> members();
}
