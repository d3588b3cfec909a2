package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Map<String, String> ONE_SEED = Map.of("crawl.seeds", "http://127.0.0.2:8090/");

    @Test
    void defaultsMatchTheDocumentedValues() {
        CrawlConfig c = ConfigLoader.load(ONE_SEED);

        assertThat(c.crawl()).isEqualTo(new JobConfig("crawl", List.of("http://127.0.0.2:8090/"), 5, 100_000, JobConfig.Mode.ONCE));
        assertThat(c.scope().hosts()).containsExactly("127.0.0.2");
        assertThat(c.scope().include()).isEmpty();
        assertThat(c.scope().exclude()).isEmpty();
        assertThat(c.politeness()).isEqualTo(new PolitenessConfig(
                "HeraldBot/0.1 (+https://github.com/herald-crawler/herald)", "heraldbot", Duration.ofSeconds(1),
                Duration.ofSeconds(30), 1, 2.0, Duration.ofSeconds(10), Duration.ofSeconds(30), 3, Duration.ofHours(24), 5,
                Duration.ofMinutes(2), 3, Duration.ZERO));
        assertThat(c.fetch()).isEqualTo(new FetchConfig(64, Duration.ofSeconds(5), Duration.ofSeconds(20),
                5L * 1024 * 1024, 5, 2, Duration.ofSeconds(2)));
        assertThat(c.extract()).isEqualTo(new ExtractConfig(Runtime.getRuntime().availableProcessors(), 60, List.of()));
        assertThat(c.output()).isEqualTo(new OutputConfig(Path.of("out/crawl"), 512L * 1024 * 1024));
        assertThat(c.monitor()).isEqualTo(new MonitorConfig(true, "127.0.0.1", 8080, Duration.ofSeconds(5),
                Duration.ofMinutes(2), 100L * 1024 * 1024, null));
        assertThat(c.state()).isEqualTo(new StateConfig(Path.of("state/crawl"), StateConfig.Store.ROCKSDB, 10_000,
                64L << 20, 16L << 20, Duration.ofSeconds(1)));
    }

    @Test
    void explicitExtractWorkersAreKept() {
        CrawlConfig c = ConfigLoader.fromYaml("crawl: {seeds: [http://a.example/]}\nextract: {workers: 5}\n", "t.yaml", Map.of());
        assertThat(c.extract().workers()).isEqualTo(5);
    }

    @Test
    void monitorHealthAndControlKeysAreRead() {
        CrawlConfig c = ConfigLoader.fromYaml("crawl: {seeds: ['http://127.0.0.2/']}\n"
                + "monitor: {stallAfter: 30s, minFreeDisk: 1GB, token: 0123456789abcdef}\n", "x.yaml", Map.of());

        assertThat(c.monitor().stallAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.monitor().minFreeDisk()).isEqualTo(1L << 30);
        assertThat(c.monitor().token()).isEqualTo("0123456789abcdef");
        assertThat(c.monitor().controlEnabled()).isTrue();
        assertThat(ConfigLoader.toJson(c).getJsonObject("monitor").getString("token")).isEqualTo("(set)");
    }

    @Test
    void continuousModeAndRecrawlKeysAreReadAndBadOnesNamed() {
        CrawlConfig c = ConfigLoader.fromYaml("""
                crawl: {seeds: ['http://127.0.0.2/'], mode: Continuous}
                recrawl: {minInterval: 30s, maxInterval: 10m, maxHubs: 50, articleRevisits: 3, articleInterval: 2h}
                """, "x.yaml", Map.of());
        assertThat(c.crawl().mode()).isEqualTo(JobConfig.Mode.CONTINUOUS);
        assertThat(c.recrawl()).isEqualTo(new RecrawlConfig(Duration.ofSeconds(30), Duration.ofMinutes(10), 50, 3,
                Duration.ofHours(2)));
        assertThat(ConfigLoader.toJson(c).getJsonObject("recrawl").getString("articleInterval")).isEqualTo("2h");
        assertThat(ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/")).recrawl().articleRevisits())
                .isZero();
        assertThat(ConfigLoader.toJson(c).getJsonObject("recrawl").getString("maxInterval")).isEqualTo("10m");
        assertThat(ConfigLoader.toJson(c).getJsonObject("crawl").getString("mode")).isEqualTo("continuous");
        assertThat(ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/")).crawl().mode())
                .isEqualTo(JobConfig.Mode.ONCE);

        assertThatThrownBy(() -> ConfigLoader.fromYaml("crawl: {seeds: ['http://127.0.0.2/'], mode: forever}\n"
                + "recrawl: {minInterval: 2h, maxInterval: 1h, maxHubs: 0}\n", "y.yaml", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("crawl.mode: expected once or continuous, got \"forever\"")
                .hasMessageContaining("recrawl.maxInterval: must be at least recrawl.minInterval (2h), got 1h")
                .hasMessageContaining("recrawl.maxHubs");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/",
                "recrawl.minInterval", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("recrawl.minInterval: must be more than 0");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/",
                "recrawl.articleRevisits", "-1", "recrawl.articleInterval", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("recrawl.articleRevisits")
                .hasMessageContaining("recrawl.articleInterval: must be more than 0");
    }

    @Test
    void stateAndRotationKeysAreRead() {
        CrawlConfig c = ConfigLoader.fromYaml("""
                crawl: {seeds: ['http://127.0.0.2/']}
                output: {rotateInterval: 1h, gzip: true, minFreeDisk: 64MB, warc: true, warcMaxBytes: 100MB}
                state: {dir: /tmp/st, store: Memory, workingSet: 50}
                """, "x.yaml", Map.of());

        assertThat(c.output().minFreeDisk()).isEqualTo(64L << 20);
        assertThat(c.output().warc()).isTrue();
        assertThat(c.output().warcMaxBytes()).isEqualTo(100L << 20);

        assertThat(c.output().rotateInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.output().gzip()).isTrue();
        assertThat(c.state().dir()).isEqualTo(Path.of("/tmp/st"));
        assertThat(c.state().store()).isEqualTo(StateConfig.Store.MEMORY);
        assertThat(c.state().workingSet()).isEqualTo(50);
        assertThatThrownBy(() -> ConfigLoader.fromYaml("crawl: {seeds: ['http://127.0.0.2/']}\nstate: {store: lmdb}\n",
                "y.yaml", Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("state.store: expected rocksdb or memory, got \"lmdb\"");
    }

    @Test
    void fileDeepMergesOverDefaults() {
        CrawlConfig c = ConfigLoader.fromYaml("""
                crawl:
                  name: news
                  seeds: [http://127.0.0.2:8090/, "http://127.0.0.3:8090/start"]
                politeness:
                  delay: 250ms
                fetch:
                  maxBodySize: 1.5MB
                """, "conf/news.yaml", Map.of());

        assertThat(c.crawl().name()).isEqualTo("news");
        assertThat(c.crawl().maxDepth()).as("sibling key kept from defaults").isEqualTo(5);
        assertThat(c.politeness().delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.politeness().robotsAgent()).isEqualTo("heraldbot");
        assertThat(c.fetch().maxBodySize()).isEqualTo(1_572_864);
        assertThat(c.fetch().concurrency()).isEqualTo(64);
        assertThat(c.scope().hosts()).containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3");
    }

    @Test
    void listsInTheFileReplaceRatherThanAppend() {
        CrawlConfig c = ConfigLoader.fromYaml("""
                crawl: {seeds: ['http://127.0.0.2/']}
                scope: {hosts: [Other.Example, same-as-seeds], exclude: ['/tag/', '\\.pdf$']}
                """, "x.yaml", Map.of());

        assertThat(c.scope().hosts()).containsExactlyInAnyOrder("other.example", "127.0.0.2");
        assertThat(c.scope().exclude()).extracting(Pattern::pattern).containsExactly("/tag/", "\\.pdf$");
    }

    @Test
    void overridesWinOverTheFileAndParseValues() {
        CrawlConfig c = ConfigLoader.fromYaml("""
                crawl: {seeds: ['http://127.0.0.2/'], maxPages: 50}
                politeness: {delay: 250ms}
                """, "x.yaml", Map.of(
                "politeness.delay", "2s",
                "crawl.seeds", "http://127.0.0.4/, http://127.0.0.5/",
                "crawl.maxPages", "10",
                "scope.exclude", "['a{1,3}', b]",
                "politeness.adaptiveFactor", "2.5",
                "politeness.maxAdaptiveDelay", "3s",
                "monitor.enabled", "false",
                "crawl.name", "#1 news"));

        assertThat(c.politeness().delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.crawl().seeds()).containsExactly("http://127.0.0.4/", "http://127.0.0.5/");
        assertThat(c.scope().hosts()).containsExactlyInAnyOrder("127.0.0.4", "127.0.0.5");
        assertThat(c.crawl().maxPages()).isEqualTo(10);
        assertThat(c.scope().exclude()).extracting(Pattern::pattern).containsExactly("a{1,3}", "b");
        assertThat(c.politeness().adaptiveFactor()).isEqualTo(2.5);
        assertThat(c.politeness().maxAdaptiveDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.monitor().enabled()).isFalse();
        assertThat(c.crawl().name()).as("not a YAML comment").isEqualTo("#1 news");
    }

    @Test
    void overrideCanSetASectionAsAFlowMapping() {
        CrawlConfig c = ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/",
                "fetch", "{retries: 7, timeout: 3s}"));

        assertThat(c.fetch().retries()).isEqualTo(7);
        assertThat(c.fetch().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.fetch().concurrency()).as("merged, not replaced").isEqualTo(64);
    }

    @Test
    void overrideCanSetRulesAsAFlowList() {
        CrawlConfig c = ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/",
                "extract.rules", "[{hosts: [News.Example], body: 'article p'}]"));

        assertThat(c.extract().rules()).containsExactly(
                new SiteRule(List.of("news.example"), null, "article p", null, null, null, List.of()));
    }

    @Test
    void seedsAreStrippedAndTextValuesAreKept() {
        CrawlConfig c = ConfigLoader.fromYaml("crawl: {name: 2024, seeds: ['  http://127.0.0.2/a  ']}",
                "x.yaml", Map.of());

        assertThat(c.crawl().name()).isEqualTo("2024");
        assertThat(c.crawl().seeds()).containsExactly("http://127.0.0.2/a");
    }

    @Test
    void emptyFileAndEmptySectionsKeepDefaults() {
        assertThat(ConfigLoader.fromYaml("", "empty.yaml", ONE_SEED).crawl().maxDepth()).isEqualTo(5);
        assertThat(ConfigLoader.fromYaml("fetch:\n  # retries: 9\n", "x.yaml", ONE_SEED).fetch().retries())
                .isEqualTo(2);
    }

    @Test
    void siteRulesAreBound() {
        CrawlConfig c = ConfigLoader.fromYaml("""
                crawl: {seeds: ['http://127.0.0.2/']}
                extract:
                  rules:
                    - hosts: [127.0.0.2]
                      title: h1.article__title
                      body: ".article__body .article__block[data-type=text]"
                      related: ".article__block[data-type=article] a.article__article-link"
                      date: time[datetime]
                      author: .byline a
                      exclude: [.subscribe, "div.comments"]
                """, "x.yaml", Map.of());

        SiteRule rule = c.extract().rules().get(0);
        assertThat(rule.hosts()).containsExactly("127.0.0.2");
        assertThat(rule.title()).isEqualTo("h1.article__title");
        assertThat(rule.body()).isEqualTo(".article__body .article__block[data-type=text]");
        assertThat(rule.exclude()).containsExactly(".subscribe", "div.comments");
        assertThat(rule.appliesTo("127.0.0.2")).isTrue();
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my.yaml");
        Files.writeString(file, "crawl: {seeds: ['http://127.0.0.2/']}\noutput: {dir: /tmp/herald-out}\n",
                StandardCharsets.UTF_8);

        CrawlConfig c = ConfigLoader.load(file, Map.of("output.rotateBytes", "1MB"));

        assertThat(c.output()).isEqualTo(new OutputConfig(Path.of("/tmp/herald-out"), 1024 * 1024));
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void badValueInAFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, "crawl: {seeds: ['http://127.0.0.2/']}\npoliteness:\n  delay: fast\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": politeness.delay: expected a duration like 250ms, 2s or 1m, got \"fast\"");
    }

    @Test
    void exampleConfigLoads() {
        CrawlConfig c = ConfigLoader.load(exampleConfig(), Map.of());

        assertThat(c.crawl().seeds()).hasSize(2);
        assertThat(c.scope().hosts()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.extract().rules()).isNotEmpty();
        assertThat(c.crawl().seeds()).allSatisfy(s -> assertThat(s).startsWith("http://127.0.0."));
    }

    /** Tests run in the module root, where conf/ lives. */
    static Path exampleConfig() {
        return Path.of("conf", "example.yaml");
    }
}
