package io.herald.cluster;

import com.hazelcast.map.IMap;
import io.herald.config.ClusterConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps of joining, on the cluster-wide map of the crawl (Hazelcast's own, synchronous API: this runs on the
 * command's thread before the crawl starts): the config's fingerprint, the node's name, and the ring, written once by
 * the first node to see every expected node and read by all the others. Each refusal is a {@link ClusterJoinException}
 * that names what to fix.
 */
final class ClusterJoin {
    /** The map's key of the current {@link RingRecord}. */
    static final String RING = "ring";
    private final IMap<String, String> map;
    private final HazelcastClusterManager manager;
    private final ClusterConfig cluster;
    private final long deadline;

    /** @param deadline {@link System#nanoTime()} after which the waits give up */
    ClusterJoin(IMap<String, String> map, HazelcastClusterManager manager, ClusterConfig cluster, long deadline) {
        this.map = map;
        this.manager = manager;
        this.cluster = cluster;
        this.deadline = deadline;
    }

    /** Records the cluster's fingerprint, or checks this node's against it. */
    void checkFingerprint(JsonObject fingerprint) {
        JsonObject mine = new JsonObject(fingerprint.encode()); // numbers as read back from JSON, like the cluster's
        String theirs = map.putIfAbsent("fingerprint", mine.encode());
        if (theirs == null) {
            return;
        }
        JsonObject recorded = new JsonObject(theirs);
        String key = ClusterFingerprint.firstDifference(recorded, mine);
        if (key != null) {
            throw new ClusterJoinException(true, "cluster: this node's config differs from the cluster's at " + key
                    + ": the cluster has " + recorded.getValue(key) + ", this node " + mine.getValue(key)
                    + "; every node must run the same config (only cluster.nodeName/host/port, output.dir, state.dir,"
                    + " cluster.joinTimeout and monitor.* are a node's own)", null);
        }
    }

    /**
     * Claims the name. A node of that name that was killed may still count as a member for a few seconds (until the
     * others miss its heartbeats), so a live holder is waited out up to the deadline before the name counts as taken.
     */
    void claimName() {
        String name = cluster.nodeName();
        String key = "node." + name;
        while (true) {
            String was = map.putIfAbsent(key, manager.getNodeId());
            if (was == null || was.equals(manager.getNodeId())) {
                return;
            }
            if (!manager.getNodes().contains(was)) {
                map.put(key, manager.getNodeId()); // the node of this name died: this one takes its place
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterJoinException(true, "cluster.nodeName " + name + " is already a live member of the"
                        + " cluster: give each node its own name", null);
            }
            pause();
        }
    }

    /** Where a node starts: the ring it joined and what it owns. */
    record Joined(RingRecord ring, Ownership ownership) {
    }

    /**
     * The crawl's first ring is written once, by the first node to see all the expected nodes, and read by every
     * other. A node that finds a running crawl without its name in the ring (a newcomer, or a node dropped while it
     * was gone) adds itself: the hosts its place on the ring gives it move to it, as {@link ClusterShare} describes.
     */
    Joined agreeRing() {
        String self = cluster.nodeName();
        while (true) {
            String text = map.get(RING);
            if (text != null) {
                RingRecord ring = RingRecord.decode(text);
                if (ring.nodes().contains(self)) {
                    return new Joined(ring, Ownership.start(self, ring));
                }
                RingRecord grown = ring.joined(self);
                if (map.replace(RING, text, grown.encode())) {
                    return new Joined(grown, Ownership.none(self, ring).next(grown));
                }
                continue; // the ring changed meanwhile: read it again
            }
            List<String> live = liveNames();
            if (live.size() >= cluster.expectedNodes()) {
                map.putIfAbsent(RING, RingRecord.first(live).encode());
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterJoinException(false, "cluster: " + live.size() + " of " + cluster.expectedNodes()
                        + " nodes joined within " + cluster.joinTimeout().toSeconds() + "s (cluster.joinTimeout)"
                        + "; joined: " + live + "; members tried: " + cluster.members()
                        + ": start the other nodes, or check cluster.members and that those ports are reachable", null);
            }
            pause();
        }
    }

    private List<String> liveNames() {
        List<String> nodes = manager.getNodes();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey().startsWith("node.") && nodes.contains(e.getValue())) {
                names.add(e.getKey().substring("node.".length()));
            }
        }
        names.sort(null);
        return names;
    }

    private static void pause() {
        try {
            Thread.sleep(200); // the command's own thread, waiting for other processes to start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterJoinException(false, "cluster: interrupted while waiting for the members", e);
        }
    }
}
