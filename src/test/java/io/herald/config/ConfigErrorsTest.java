package io.herald.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad configuration gives a ConfigException naming the source, the key and the bad value. */
class ConfigErrorsTest {
    private static final String SEED = "crawl: {seeds: ['http://127.0.0.2/']}\n";
    private static final String SOURCE = "conf/x.yaml";

    /** Each row: a YAML line added to a valid config, the key and the fragments the message must hold. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        politeness: {delay: fast}            | politeness.delay           | expected a duration like 250ms, 2s or 1m, got "fast"
        politeness: {delay: 5}               | politeness.delay           | (a number needs a unit), got 5
        politeness: {delay: -1s}             | politeness.delay           | must not be negative, got "-1s"
        fetch: {timeout: 0}                  | fetch.timeout              | must be more than 0, got 0
        fetch: {connectTimeout: [1s]}        | fetch.connectTimeout       | expected a duration like 250ms, 2s or 1m, got a list [1s]
        fetch: {maxBodySize: huge}           | fetch.maxBodySize          | expected a size like 512KB, 5MB or 1GB (1KB = 1024 bytes), got "huge"
        fetch: {maxBodySize: 100}            | fetch.maxBodySize          | must be at least 1KB, got 100
        fetch: {concurrency: 0}              | fetch.concurrency          | must be at least 1, got 0
        monitor: {stallAfter: 0}             | monitor.stallAfter         | must be more than 0, got 0
        monitor: {minFreeDisk: lots}         | monitor.minFreeDisk        | expected a size like 512KB, 5MB or 1GB
        output: {minFreeDisk: [1MB]}         | output.minFreeDisk         | expected a size like 512KB, 5MB or 1GB
        monitor: {token: short}              | monitor.token              | must be at least 16 characters (or empty to turn /control off), got 5
        monitor: {token: [a]}                | monitor.token              | expected a non-empty text, got a list
        fetch: {concurrency: lots}           | fetch.concurrency          | expected a whole number, got "lots"
        fetch: {retries: -1}                 | fetch.retries              | must not be negative, got -1
        fetch: {maxRedirects: 2.5}           | fetch.maxRedirects         | expected a whole number, got 2.5
        crawl: {maxDepth: -1}                | crawl.maxDepth             | must not be negative, got -1
        crawl: {maxPages: 0}                 | crawl.maxPages             | must be at least 1, got 0
        crawl: {maxPages: 99999999999999999999} | crawl.maxPages          | got 99999999999999999999
        crawl: {name: ''}                    | crawl.name                 | expected a non-empty text, got ""
        politeness: {perHostConcurrency: 0}  | politeness.perHostConcurrency | must be at least 1, got 0
        politeness: {adaptiveFactor: -0.5}   | politeness.adaptiveFactor  | must be at least 0.0, got -0.5
        politeness: {adaptiveFactor: fast}   | politeness.adaptiveFactor  | expected a number, got "fast"
        politeness: {maxAdaptiveDelay: 0}    | politeness.maxAdaptiveDelay | must be more than 0, got 0
        politeness: {maxAdaptiveDelay: -1s}  | politeness.maxAdaptiveDelay | got "-1s"
        politeness: {robotsAgent: HeraldBot} | politeness.robotsAgent     | [a-z_-]+ like heraldbot, got "HeraldBot"
        politeness: {robotsAgent: herald/1.0} | politeness.robotsAgent    | got "herald/1.0"
        politeness: {userAgent: ' '}         | politeness.userAgent       | expected a non-empty text, got " "
        extract: {workers: -1}               | extract.workers            | must not be negative, got -1
        extract: {minWords: -5}              | extract.minWords           | must not be negative, got -5
        monitor: {port: 70000}               | monitor.port               | must be between 0 and 65535, got 70000
        monitor: {port: -1}                  | monitor.port               | must be between 0 and 65535, got -1
        monitor: {enabled: maybe}            | monitor.enabled            | expected true or false, got "maybe"
        monitor: {metricsTopHosts: -1}       | monitor.metricsTopHosts    | must be between 0 and 1000, got -1
        monitor: {progressInterval: 1.5s}    | monitor.progressInterval   | (whole numbers only: write 500ms, not 0.5s), got "1.5s"
        output: {rotateBytes: 1}             | output.rotateBytes         | must be at least 1KB, got 1
        output: {warcMaxBytes: 100}          | output.warcMaxBytes        | must be at least 1KB, got 100
        output: {warc: sometimes}            | output.warc                | expected true or false, got "sometimes"
        state: {seenFilterSize: 16}          | state.seenFilterSize       | must be 0 (no filter) or between 32B and 4GB, got 16B
        state: {seenFilterSize: 8GB}         | state.seenFilterSize       | must be 0 (no filter) or between 32B and 4GB, got 8GB
        output: {dir: "a\\u0000b"}           | output.dir                 | not a usable path
        scope: {include: ['(unclosed']}      | scope.include[0]           | invalid regex: Unclosed group
        scope: {exclude: [ok, '*bad']}       | scope.exclude[1]           | invalid regex: Dangling meta character '*'
        scope: {exclude: /tag/}              | scope.exclude              | expected a list like [a, b], got "/tag/"
        scope: {hosts: []}                   | scope.hosts                | at least one host is required
        scope: {hosts: ['http://a.example/']} | scope.hosts[0]            | not a URL, got "http://a.example/"
        scope: {hosts: ['a.example:8080']}   | scope.hosts[0]             | no port or path), got "a.example:8080"
        crawl: 5                             | crawl                      | expected a section of keys
        """)
    void badValueInTheFile(String yaml, String key, String expected) {
        String text = yaml.startsWith("crawl:") ? yaml + "\n" : SEED + yaml + "\n";
        assertThatThrownBy(() -> ConfigLoader.fromYaml(text, SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SOURCE + ": " + key + ": ")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        'ftp://127.0.0.2/'             | crawl.seeds[0] | only http and https URLs can be crawled, got "ftp://127.0.0.2/"
        '/relative/path'               | crawl.seeds[0] | expected an absolute URL like https://news.example.com/, got "/relative/path"
        'http://bad host/'             | crawl.seeds[0] | not a valid URL (Illegal character in authority), got "http://bad host/"
        'http:///nohost'               | crawl.seeds[0] | the URL has no host name, got "http:///nohost"
        'http://127.0.0.2/', ' http://127.0.0.2/ ' | crawl.seeds[1] | duplicate seed "http://127.0.0.2/"
        """)
    void badSeeds(String seeds, String key, String expected) {
        assertThatThrownBy(() -> ConfigLoader.fromYaml("crawl: {seeds: [" + seeds + "]}", SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SOURCE + ": " + key + ": " + expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        politness: {delay: 2s}      | politness                | did you mean "politeness"?
        politeness: {dealy: 2s}     | politeness.dealy         | did you mean "politeness.delay"?
        fetch: {delay: 2s}          | fetch.delay              | did you mean "politeness.delay"?
        fetch: {max_body_size: 1MB} | fetch.max_body_size      | did you mean "fetch.maxBodySize"?
        state: {dri: x}             | state.dri                | did you mean "state.dir"?
        storage: {dir: x}           | storage                  | unknown key (see herald-defaults.yaml
        extract: {rules: [{hosts: [a.example], titel: h1}]} | extract.rules[0].titel | did you mean "title"?
        """)
    void unknownKeysSuggestTheClosestKnownKey(String yaml, String key, String expected) {
        assertThatThrownBy(() -> ConfigLoader.fromYaml(SEED + yaml, SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SOURCE + ": " + key + ": ")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
        politeness.delay  | fast      | --set: politeness.delay: expected a duration like 250ms, 2s or 1m, got "fast"
        politness.delay   | 2s        | --set: politness.delay: unknown key; did you mean "politeness.delay"?
        crawl.maxPages    | 0         | --set: crawl.maxPages: must be at least 1, got 0
        crawl.seeds       | mailto:x  | --set: crawl.seeds[0]: only http and https URLs can be crawled, got "mailto:x"
        crawl.seeds       | ''        | --set: crawl.seeds: at least one seed URL is required
        politeness        | 2s        | --set: politeness: expected a section of keys
        extract.rules     | '[{hosts: [a.example], bdy: p}]' | --set: extract.rules[0].bdy: unknown key; did you mean "body"?
        extract.rules[0].body | p     | --set: extract.rules[0].body: --set cannot reach into a list; set the whole list
        """)
    void badOverrides(String key, String value, String expected) {
        assertThatThrownBy(() -> ConfigLoader.fromYaml(SEED, SOURCE, Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        {hosts: [a.example], body: 'div[[['}       | extract.rules[0].body       | invalid CSS selector
        {hosts: [a.example], title: 'h1:bogus(x)'} | extract.rules[0].title      | invalid CSS selector
        {hosts: [a.example], exclude: [ok, '>>']}  | extract.rules[0].exclude[1] | invalid CSS selector
        {body: p}                                   | extract.rules[0].hosts      | a rule needs the hosts it applies to
        {hosts: [], body: p}                        | extract.rules[0].hosts      | a rule needs at least one host
        just-a-string                               | extract.rules[0]            | expected a mapping like {hosts:
        """)
    void badSiteRules(String rule, String key, String expected) {
        assertThatThrownBy(() -> ConfigLoader.fromYaml(SEED + "extract: {rules: [" + rule + "]}", SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SOURCE + ": " + key + ": " + expected);
    }

    @Test
    void seedsAreRequired() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("defaults: crawl.seeds: at least one seed URL is required");
    }

    @Test
    void syntaxErrorNamesTheLine() {
        String yaml = SEED + "politeness:\n  delay: 1s\n   maxCrawlDelay: [30s\n";
        assertThatThrownBy(() -> ConfigLoader.fromYaml(yaml, SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(SOURCE + ": line 4, column ")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        String yaml = SEED + "fetch:\n  retries: 1\n  retries: 3\n";
        assertThatThrownBy(() -> ConfigLoader.fromYaml(yaml, SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(SOURCE + ": line 4, column 3: invalid YAML")
                .hasMessageContaining("duplicate key retries");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThatThrownBy(() -> ConfigLoader.fromYaml("- a\n- b\n", SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(SOURCE + ": expected a mapping of sections");
    }

    @Test
    void javaTypeTagsAreRefused() {
        String yaml = SEED + "crawl: {name: !!java.net.URL [\"http://127.0.0.2/\"]}\n";
        assertThatThrownBy(() -> ConfigLoader.fromYaml(yaml, SOURCE, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SOURCE);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = SEED + "politeness: {delay: fast}\nfetch: {retries: -1}\nmonitr: {}\n";
        assertThatThrownBy(() -> ConfigLoader.fromYaml(yaml, SOURCE, Map.of("crawl.maxPages", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("4 problems in the configuration:")
                .hasMessageContaining(SOURCE + ": monitr: unknown key; did you mean \"monitor\"?")
                .hasMessageContaining(SOURCE + ": politeness.delay: ")
                .hasMessageContaining(SOURCE + ": fetch.retries: ")
                .hasMessageContaining("--set: crawl.maxPages: ");
    }
}
