/**
 * Cluster mode ({@code cluster.enabled}): several Herald processes crawl one crawl, each owning a share of the hosts.
 * {@link io.herald.cluster.ClusterNode} is this process as a member (a clustered Vert.x on Hazelcast of its own,
 * apart from the crawl's local one): it joins, checks the config's {@link io.herald.cluster.ClusterFingerprint},
 * agrees the {@link io.herald.cluster.HostRing} and answers the other nodes. {@link io.herald.cluster.ClusterShare}
 * is the frontier's {@link io.herald.frontier.HostShare}: URLs of hosts owned elsewhere go out through the
 * {@link io.herald.cluster.Outbox}, and {@link io.herald.cluster.Quiescence} decides when the whole crawl is over.
 * {@link io.herald.cluster.ClusterClaims} are the sink's cluster-wide article claims (one node writes each article).
 * {@link io.herald.cluster.HazelcastQueueReplica} keeps each node's queue in the cluster (the frontier's
 * {@link io.herald.frontier.QueueReplica}), for the nodes that take a dead node's hosts over. See docs/cluster.md.
 */
package io.herald.cluster;
