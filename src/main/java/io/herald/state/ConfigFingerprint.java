package io.herald.state;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The part of a configuration that a crawl's state depends on: what is crawled (name, seeds, scope, depth)
 * and where its articles go (the output folder, whose contents make "once per crawl" hold). Politeness,
 * fetch, extraction, budget, rotation and monitoring may change between runs of one crawl.
 */
public final class ConfigFingerprint {
    static final String KEY = "config.fingerprint";
    private static final List<String> KEYS = List.of("crawl.name", "crawl.seeds", "crawl.maxDepth", "scope.hosts",
            "scope.include", "scope.exclude", "output.dir");

    private ConfigFingerprint() {
    }

    /** The crawl-relevant keys and their values, as written with the config (dotted key → value). */
    public static JsonObject of(CrawlConfig config) {
        JsonObject all = ConfigLoader.toJson(config);
        JsonObject picked = new JsonObject();
        for (String key : KEYS) {
            String[] parts = key.split("\\.");
            picked.put(key, all.getJsonObject(parts[0]).getValue(parts[1]));
        }
        return picked.put("sha256", sha256(picked.encode()));
    }

    /**
     * Records the fingerprint in a new state, or checks it against the one recorded.
     *
     * @throws StateException naming each key that changed, with its old and new value
     */
    public static void checkOrRecord(StateDb db, CrawlConfig config) {
        JsonObject now = of(config);
        String stored = db.meta(KEY);
        if (stored == null) {
            db.putMeta(KEY, now.encode());
            db.flush();
            return;
        }
        List<String> changes = differences(new JsonObject(stored), now);
        if (!changes.isEmpty()) {
            throw new StateException("state.dir " + db.dir() + " belongs to a crawl with a different configuration: "
                    + String.join("; ", changes) + ". Run with --fresh to start over (the old state and output are"
                    + " moved aside), or restore the old values to resume.");
        }
    }

    static List<String> differences(JsonObject stored, JsonObject now) {
        List<String> changes = new ArrayList<>();
        for (String key : KEYS) {
            Object was = stored.getValue(key);
            Object is = now.getValue(key);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(key + " was " + was + ", now " + is);
            }
        }
        return changes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
