package io.herald.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogGapsTest {
    private static final Map<String, Long> DELAYS = Map.of("127.0.1.1", 500L, "127.0.1.2", 0L);

    @Test
    void requestStartIsLogTimeMinusRequestTimeToTheMillisecond() {
        assertThat(AccessLogGaps.millis("1733390000.123")).isEqualTo(1_733_390_000_123L);
        assertThat(AccessLogGaps.millis("0.050")).isEqualTo(50);
        assertThat(AccessLogGaps.millis("12")).isEqualTo(12_000);
    }

    @Test
    void gapsAreMeasuredBetweenStartsNotEnds() {
        // both requests end 600 ms apart, but the second started 100 ms after the first (it took 500 ms)
        List<AccessLogGaps.Host> hosts = AccessLogGaps.analyse(List.of(
                "1000.100 0.000 127.0.1.1 200 512 \"GET /robots.txt HTTP/1.1\"",
                "1000.700 0.500 127.0.1.1 200 60000 \"GET / HTTP/1.1\""), DELAYS, 0);

        assertThat(hosts).singleElement().satisfies(h -> {
            assertThat(h.minGapMs()).isEqualTo(100);
            assertThat(h.shortGaps()).isEqualTo(1);
        });
    }

    @Test
    void aCrawlDelayHostSpacedByItsDelayHasNoShortGapButOneMillisecondLessIsStillTolerated() {
        List<AccessLogGaps.Host> hosts = AccessLogGaps.analyse(List.of(
                "1000.000 0.000 127.0.1.1 200 1 \"GET /robots.txt HTTP/1.1\"",
                "1000.500 0.000 127.0.1.1 200 1 \"GET /a HTTP/1.1\"",
                "1000.999 0.000 127.0.1.1 200 1 \"GET /b HTTP/1.1\"",
                "1001.497 0.000 127.0.1.1 200 1 \"GET /c HTTP/1.1\""), DELAYS, 200);

        AccessLogGaps.Host host = hosts.get(0);
        assertThat(host.requiredMs()).isEqualTo(500);
        assertThat(host.minGapMs()).isEqualTo(498);
        assertThat(host.shortGaps()).as("499 ms is within the log's precision, 498 ms is not").isEqualTo(1);
        assertThat(host.boundMs()).isEqualTo(1500);
    }

    @Test
    void theConfiguredDelayAppliesToHostsWithoutCrawlDelayAndDisallowedPathsAreCounted() {
        List<AccessLogGaps.Host> hosts = AccessLogGaps.analyse(List.of(
                "2000.000 0.000 127.0.1.2 200 1 \"GET / HTTP/1.1\"",
                "2000.150 0.000 127.0.1.2 404 1 \"GET /print/a.html HTTP/1.1\"",
                "2000.400 0.000 127.0.1.2 200 1 \"GET /b HTTP/1.1\""), DELAYS, 200);

        assertThat(hosts.get(0).shortGaps()).isEqualTo(1);
        assertThat(hosts.get(0).disallowed()).isEqualTo(1);
        assertThat(AccessLogGaps.analyse(List.of("2000.000 0.000 127.0.1.2 200 1 \"GET / HTTP/1.1\"",
                "2000.001 0.000 127.0.1.2 200 1 \"GET /b HTTP/1.1\""), DELAYS, 0).get(0).shortGaps())
                .as("no delay required: no gap is short").isZero();
    }
}
