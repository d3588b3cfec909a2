package io.herald.cluster;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterFingerprintTest {
    private static final Map<String, String> BASE = Map.of("crawl.seeds", "http://127.0.0.2:8090/",
            "cluster.enabled", "true", "cluster.nodeName", "a", "cluster.members", "127.0.0.1:5701,127.0.0.1:5702");

    private static CrawlConfig config(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(BASE);
        all.putAll(more);
        return ConfigLoader.load(all);
    }

    @Test
    void aNodesOwnKeysAreNotPartOfIt() {
        JsonObject a = ClusterFingerprint.of(config(Map.of()));
        JsonObject b = ClusterFingerprint.of(config(Map.of("cluster.nodeName", "b", "cluster.port", "5702",
                "cluster.host", "127.0.0.9", "output.dir", "elsewhere", "state.dir", "st", "monitor.port", "0",
                "cluster.joinTimeout", "5s")));
        assertThat(ClusterFingerprint.firstDifference(a, b)).isNull();
        assertThat(a.fieldNames()).contains("politeness.delay", "crawl.seeds", "cluster.members")
                .doesNotContain("cluster.nodeName", "output.dir", "monitor.port");
    }

    @Test
    void theFirstDifferingKeyIsNamedAfterAJsonRoundTrip() {
        JsonObject cluster = new JsonObject(ClusterFingerprint.of(config(Map.of())).encode());
        JsonObject mine = new JsonObject(ClusterFingerprint.of(config(Map.of("politeness.delay", "5s",
                "fetch.retries", "7"))).encode());
        assertThat(ClusterFingerprint.firstDifference(cluster, mine)).isEqualTo("fetch.retries");
        assertThat(ClusterFingerprint.firstDifference(cluster, new JsonObject(cluster.encode()))).isNull();
    }

    @Test
    void eachNodeWritesAndKeepsItsStateInAFolderOfItsName() {
        CrawlConfig own = NodeFolders.of(config(Map.of("output.dir", "out/x", "state.dir", "state/x")));
        assertThat(own.output().dir()).isEqualTo(Path.of("out/x/a"));
        assertThat(own.state().dir()).isEqualTo(Path.of("state/x/a"));
    }
}
