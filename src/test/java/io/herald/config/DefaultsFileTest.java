package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The defaults file is the reference users read: it must hold exactly the keys the records are built from. */
class DefaultsFileTest {
    @Test
    void everyValueKeyHasAComment() throws IOException {
        for (String line : defaultsText().split("\n")) {
            boolean valueKey = line.matches("\\s+\\w+:\\s*\\S.*");
            assertThat(!valueKey || line.contains("#")).as("documented: %s", line).isTrue();
        }
    }

    @Test
    void holdsExactlyTheKeysTheRecordsUse() throws IOException {
        Map<String, Object> defaults = YamlText.parseDocument(defaultsText(), "defaults");
        JsonObject resolved = ConfigLoader.toJson(ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/")));

        assertThat(keys(resolved.getMap(), "")).isEqualTo(keys(defaults, ""));
    }

    private static Set<String> keys(Map<String, Object> node, String prefix) {
        Set<String> keys = new TreeSet<>();
        node.forEach((k, v) -> {
            String path = prefix + k;
            Object value = v instanceof JsonObject json ? json.getMap() : v;
            if (value instanceof Map<?, ?> map) {
                keys.addAll(keys(ConfigValues.stringKeyed(map), path + "."));
            } else {
                keys.add(path);
            }
        });
        return keys;
    }

    private static String defaultsText() throws IOException {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.DEFAULTS)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
