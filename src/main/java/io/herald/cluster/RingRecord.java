package io.herald.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The crawl's ring as the cluster's map records it: the names of the nodes that share the hosts, numbered by an
 * epoch that grows with each change (a node that joins a running crawl, nodes dropped after they were gone too long),
 * and the names dropped so far, whose queues the others take over. Immutable; a change is a new record written in
 * place of the old one only if the old one is still there (compare and set), so two nodes never both change it.
 */
record RingRecord(long epoch, List<String> nodes, List<String> removed) {
    /** The first ring of a crawl: the nodes present when it starts. */
    static final long FIRST = 1;

    RingRecord {
        nodes = List.copyOf(new TreeSet<>(nodes));
        removed = List.copyOf(new TreeSet<>(removed));
    }

    static RingRecord first(List<String> nodes) {
        return new RingRecord(FIRST, nodes, List.of());
    }

    /** The next ring with {@code node} in it (a newcomer, or a node dropped earlier that came back). */
    RingRecord joined(String node) {
        List<String> more = new ArrayList<>(nodes);
        more.add(node);
        List<String> dropped = new ArrayList<>(removed);
        dropped.remove(node);
        return new RingRecord(epoch + 1, more, dropped);
    }

    /** The next ring without {@code gone}, who join the removed. */
    RingRecord without(Set<String> gone) {
        List<String> fewer = new ArrayList<>(nodes);
        fewer.removeAll(gone);
        List<String> dropped = new ArrayList<>(removed);
        dropped.addAll(gone);
        return new RingRecord(epoch + 1, fewer, dropped);
    }

    String encode() {
        return new JsonObject().put("epoch", epoch).put("nodes", new JsonArray(nodes))
                .put("removed", new JsonArray(removed)).encode();
    }

    static RingRecord decode(String text) {
        JsonObject json = new JsonObject(text);
        return new RingRecord(json.getLong("epoch"), strings(json.getJsonArray("nodes")),
                strings(json.getJsonArray("removed", new JsonArray())));
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String::valueOf).toList();
    }
}
