package io.herald.politeness;

import crawlercommons.robots.BaseRobotRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** robots.txt semantics for the heraldbot token, one fixture file per family of cases (src/test/resources/robots/). */
class RobotsPolicyTest {
    private static final String HOST = "http://news.test";
    private final RobotsPolicy policy = new RobotsPolicy("heraldbot");

    private static byte[] fixture(String name) {
        try (InputStream in = RobotsPolicyTest.class.getResourceAsStream("/robots/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            precedence.txt       | /news/archive/public/1  | true
            precedence.txt       | /news/archive/2019      | false
            precedence.txt       | /news/today             | true
            precedence.txt       | /private/press          | true
            precedence.txt       | /private/press/extra    | false
            precedence.txt       | /privateer              | false
            wildcards.txt        | /files/report.pdf       | false
            wildcards.txt        | /files/report.pdf?x=1   | true
            wildcards.txt        | /search?lang=en&q=rain  | false
            wildcards.txt        | /world/print/story      | false
            wildcards.txt        | /world/story            | true
            groups.txt           | /everyone-else/a        | true
            groups.txt           | /not-for-herald/a       | false
            grouped-agents.txt   | /shared/a               | false
            grouped-agents.txt   | /elsewhere              | true
            empty-disallow.txt   | /anything               | true
            disallow-all.txt     | /anything               | false
            disallow-all.txt     | /robots.txt             | true
            messy.txt            | /Tmp/a                  | false
            messy.txt            | /tmp/a                  | true
            messy.txt            | /cgi-bin/run            | false
            """)
    void rulesForOurToken(String file, String path, boolean allowed) {
        BaseRobotRules rules = policy.parse(HOST + "/robots.txt", fixture(file), "text/plain", 512 * 1024);
        assertThat(rules.isAllowed(HOST + path)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | allow-all
            401 | allow-all
            403 | allow-all
            404 | allow-all
            410 | allow-all
            429 | unreachable
            500 | unreachable
            503 | unreachable
            """)
    void statusWithoutRules(int status, String expected) {
        assertThat(policy.forStatus(status).map(r -> r.isAllowAll() ? "allow-all" : "rules").orElse("unreachable"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "Crawl-delay: {0} -> {1} ms")
    @CsvSource(delimiter = '|', textBlock = """
            1     | 1000
            0.5   | 500
            3600  | 3600000
            -5    | 0
            abc   | 0
            """)
    void crawlDelayIsReadUncapped(String value, long expectedMillis) {
        byte[] robots = ("User-agent: *\nCrawl-delay: " + value + "\nDisallow:\n").getBytes();
        BaseRobotRules rules = policy.parse(HOST + "/robots.txt", robots, "text/plain", 512 * 1024);
        assertThat(policy.crawlDelay(rules)).isEqualTo(Duration.ofMillis(expectedMillis));
    }
}
