package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

class ConfigJsonTest {
    @Test
    void valuesAreSpelledAsInTheYaml() {
        CrawlConfig c = ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2:8090/",
                "politeness.delay", "250ms", "scope.exclude", "['\\.pdf$']"));

        JsonObject json = ConfigLoader.toJson(c);

        assertThat(json.getJsonObject("politeness").getString("delay")).isEqualTo("250ms");
        assertThat(json.getJsonObject("politeness").getString("maxCrawlDelay")).isEqualTo("30s");
        assertThat(json.getJsonObject("fetch").getString("maxBodySize")).isEqualTo("5MB");
        assertThat(json.getJsonObject("output").getString("rotateBytes")).isEqualTo("512MB");
        assertThat(json.getJsonObject("output").getString("dir")).isEqualTo("out/crawl");
        assertThat(json.getJsonObject("monitor").getString("progressInterval")).isEqualTo("5s");
        assertThat(json.getJsonObject("scope").getJsonArray("hosts").getList()).containsExactly("127.0.0.2");
        assertThat(json.getJsonObject("scope").getJsonArray("exclude").getList()).containsExactly("\\.pdf$");
        assertThat(json.fieldNames()).containsExactly("crawl", "scope", "discovery", "politeness", "fetch", "extract",
                "output", "monitor", "state", "recrawl", "cluster");
        assertThat(json.getJsonObject("state").getString("store")).isEqualTo("rocksdb");
        assertThat(json.getJsonObject("recrawl").getInteger("articleRevisits")).isZero();
        assertThat(json.getJsonObject("recrawl").getString("articleInterval")).isEqualTo("1h");
        assertThat(json.getJsonObject("output").getString("rotateInterval")).isEqualTo("0");
    }

    static Stream<CrawlConfig> configs() {
        return Stream.of(
                ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2:8090/")),
                ConfigLoader.load(ConfigLoaderTest.exampleConfig(), Map.of()),
                ConfigLoader.load(Map.of("crawl.seeds", "https://127.0.0.4/a?b=c", "fetch.maxBodySize", "100000",
                        "politeness.delay", "0", "output.rotateBytes", "1.5MB", "scope.include", "[x, 'y{2,}']",
                        "extract.rules", "[{hosts: [a.example], date: time, exclude: []}]")));
    }

    /** check-config output is JSON, which is YAML: pasting it back must give the same configuration. */
    @ParameterizedTest
    @MethodSource("configs")
    void jsonLoadsBackToTheSameConfig(CrawlConfig original) {
        String text = ConfigLoader.toJson(original).encodePrettily();

        assertSameConfig(ConfigLoader.fromYaml(text, "check-config.json", Map.of()), original);
    }

    /** The same through block-style YAML, the form a user would keep as a file. */
    @ParameterizedTest
    @MethodSource("configs")
    void yamlDumpOfTheJsonLoadsBackToTheSameConfig(CrawlConfig original) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        // Re-decoded so that nested values are plain maps and lists, not JsonObject, which YAML would tag.
        Map<String, Object> plain = new JsonObject(ConfigLoader.toJson(original).encode()).getMap();
        String yaml = new Yaml(options).dump(plain);

        assertSameConfig(ConfigLoader.fromYaml(yaml, "dump.yaml", Map.of()), original);
    }

    /** Pattern has no equals: compare the scope by its pattern texts, everything else by record equality. */
    private static void assertSameConfig(CrawlConfig actual, CrawlConfig expected) {
        assertThat(actual.crawl()).isEqualTo(expected.crawl());
        assertThat(actual.scope().hosts()).isEqualTo(expected.scope().hosts());
        assertThat(actual.scope().include()).extracting(Pattern::pattern)
                .isEqualTo(expected.scope().include().stream().map(Pattern::pattern).toList());
        assertThat(actual.scope().exclude()).extracting(Pattern::pattern)
                .isEqualTo(expected.scope().exclude().stream().map(Pattern::pattern).toList());
        assertThat(actual.politeness()).isEqualTo(expected.politeness());
        assertThat(actual.fetch()).isEqualTo(expected.fetch());
        assertThat(actual.extract()).isEqualTo(expected.extract());
        assertThat(actual.output()).isEqualTo(expected.output());
        assertThat(actual.monitor()).isEqualTo(expected.monitor());
    }
}
