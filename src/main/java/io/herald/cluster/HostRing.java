package io.herald.cluster;

import io.herald.politeness.PolitenessGate;
import io.herald.util.UrlHash;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which node owns a host: consistent hashing of the host's server (its name: the politeness gate paces
 * {@code http://a}, {@code https://a} and {@code http://a:8080} as one server with one clock, so one node must own
 * them all) over the nodes' names, with virtual nodes so that shares are even and a node added
 * or removed moves only about 1/n of the hosts. Every node computes the same answer from the same names.
 */
public final class HostRing {
    /** Points per node: enough for shares within a few percent of even with a handful of nodes. */
    static final int VIRTUAL_NODES = 128;

    private final List<String> nodes;
    private final NavigableMap<Long, String> points = new TreeMap<>();
    private final Map<String, String> owners = new HashMap<>();

    public HostRing(Collection<String> nodeNames) {
        if (nodeNames.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one node");
        }
        this.nodes = List.copyOf(new TreeSet<>(nodeNames));
        for (String node : nodes) {
            for (int i = 0; i < VIRTUAL_NODES; i++) {
                points.putIfAbsent(UrlHash.of(node + "#" + i), node); // a collision keeps the first: still one owner
            }
        }
    }

    /** The node names, sorted. */
    public List<String> nodes() {
        return nodes;
    }

    /** The node that owns {@code hostKey}: the first point at or after its server's hash, wrapping around. */
    public String owner(String hostKey) {
        return owners.computeIfAbsent(hostKey, key -> {
            Map.Entry<Long, String> point = points.ceilingEntry(UrlHash.of(PolitenessGate.server(key)));
            return point != null ? point.getValue() : points.firstEntry().getValue();
        });
    }
}
