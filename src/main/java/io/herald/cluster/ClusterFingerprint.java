package io.herald.cluster;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration every node of a cluster must share: every resolved key except those that are one node's own
 * (its name and cluster address, its folders, its monitor). Nodes that crawled with different scopes, delays or
 * extraction rules would break the promise of one crawl, so a node whose fingerprint differs does not join.
 */
final class ClusterFingerprint {
    /** Keys each node sets for itself. */
    private static final Set<String> OWN = Set.of("cluster.nodeName", "cluster.host", "cluster.port",
            "cluster.enabled", "cluster.joinTimeout", "output.dir", "state.dir");
    private static final String OWN_SECTION = "monitor.";

    private ClusterFingerprint() {
    }

    /** Dotted key → value (as written in the config) of every shared key. */
    static JsonObject of(CrawlConfig config) {
        JsonObject all = ConfigLoader.toJson(config);
        Map<String, Object> flat = new TreeMap<>();
        for (String section : all.fieldNames()) {
            JsonObject keys = all.getJsonObject(section);
            for (String key : keys.fieldNames()) {
                String dotted = section + "." + key;
                if (!OWN.contains(dotted) && !dotted.startsWith(OWN_SECTION)) {
                    flat.put(dotted, keys.getValue(key));
                }
            }
        }
        return new JsonObject(flat);
    }

    /** The first key (in sorted order) whose value differs, or null when the two agree. */
    static String firstDifference(JsonObject cluster, JsonObject mine) {
        Set<String> keys = new TreeSet<>(cluster.fieldNames());
        keys.addAll(mine.fieldNames());
        for (String key : keys) {
            Object theirs = cluster.getValue(key);
            Object ours = mine.getValue(key);
            if (theirs == null ? ours != null : !theirs.equals(ours)) {
                return key;
            }
        }
        return null;
    }
}
