package io.herald.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which nodes of the ring are gone for good. A node counts as gone once the cluster no longer has it as a member
 * (Hazelcast notices a killed process within seconds) for {@code takeoverAfter} in a row; then the others drop it
 * from the ring and take its hosts over. Only a node that sees a quorum may decide: more than half of the ring, or
 * exactly half including the ring's first name. So when the network splits, at most one side takes over the other's
 * hosts, and the other side, without a quorum, stops fetching (see {@link #quorum}) instead of asking hosts that have
 * new owners. Plain logic over the observations it is given; the cluster context's thread only.
 */
final class Membership {
    private final long takeoverAfterMs;
    private final Map<String, Long> missingSince = new HashMap<>();

    /** @param takeoverAfter {@link Duration#ZERO}: never drop a node (its hosts wait for it) */
    Membership(Duration takeoverAfter) {
        this.takeoverAfterMs = takeoverAfter.toMillis();
    }

    /**
     * One look at the ring's nodes and those live now; answers the nodes to drop (empty unless this node may decide).
     */
    Set<String> observe(List<String> ring, Set<String> live, long nowMs) {
        missingSince.keySet().retainAll(ring);
        Set<String> gone = new TreeSet<>();
        for (String node : ring) {
            if (live.contains(node)) {
                missingSince.remove(node);
            } else {
                long since = missingSince.computeIfAbsent(node, n -> nowMs);
                if (takeoverAfterMs > 0 && nowMs - since >= takeoverAfterMs) {
                    gone.add(node);
                }
            }
        }
        return gone.isEmpty() || !quorum(ring, live) ? Set.of() : gone;
    }

    /** The live nodes are more than half of the ring, or exactly half with the ring's first name among them. */
    static boolean quorum(List<String> ring, Set<String> live) {
        long present = ring.stream().filter(live::contains).count();
        return 2 * present > ring.size() || 2 * present == ring.size() && live.contains(ring.get(0));
    }
}
