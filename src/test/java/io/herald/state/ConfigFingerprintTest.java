package io.herald.state;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFingerprintTest {
    @TempDir
    Path dir;

    private static CrawlConfig config(Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(Map.of("crawl.seeds", "http://127.0.0.2/"));
        overrides.putAll(more);
        return ConfigLoader.load(overrides);
    }

    @Test
    void politenessAndBudgetMayChangeButScopeMayNot() {
        try (StateDb db = StateDb.open(dir, 8 << 20)) {
            ConfigFingerprint.checkOrRecord(db, config(Map.of()));
            ConfigFingerprint.checkOrRecord(db, config(Map.of("politeness.delay", "5s", "crawl.maxPages", "7",
                    "fetch.concurrency", "3", "output.gzip", "true")));
            assertThatThrownBy(() -> ConfigFingerprint.checkOrRecord(db, config(Map.of("scope.exclude", "/tag/",
                    "crawl.maxDepth", "2"))))
                    .isInstanceOf(StateException.class)
                    .hasMessageContaining("crawl.maxDepth was 5, now 2")
                    .hasMessageContaining("scope.exclude was [], now [\"/tag/\"]")
                    .hasMessageContaining("--fresh");
        }
        try (StateDb db = StateDb.open(dir, 8 << 20)) {
            assertThatThrownBy(() -> ConfigFingerprint.checkOrRecord(db, config(Map.of("crawl.seeds", "http://127.0.0.3/"))))
                    .hasMessageContaining("crawl.seeds was [\"http://127.0.0.2/\"], now [\"http://127.0.0.3/\"]");
        }
    }

    @Test
    void theFingerprintIgnoresKeysThatMayChange() {
        assertThat(ConfigFingerprint.of(config(Map.of("politeness.delay", "9s"))))
                .isEqualTo(ConfigFingerprint.of(config(Map.of())));
        assertThat(ConfigFingerprint.of(config(Map.of("output.dir", "elsewhere"))).getString("sha256"))
                .isNotEqualTo(ConfigFingerprint.of(config(Map.of())).getString("sha256"));
    }
}
