package io.herald.frontier;

import io.herald.model.LatencySummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryLatencyTest {
    @Test
    void measuresFromFirstSightingToWrittenOnlyForLinksSeenOnARevisit() {
        DiscoveryLatency latency = new DiscoveryLatency();
        assertThat(latency.summary()).isEqualTo(LatencySummary.NONE);
        for (int i = 1; i <= 10; i++) {
            latency.sighted("http://a.test/" + i, 1_000);
            latency.sighted("http://a.test/" + i, 5_000); // a later sighting does not move the first
            latency.written("http://a.test/" + i, 1_000 + i * 1_000L);
        }
        latency.written("http://a.test/never-sighted", 99_000);
        latency.written("http://a.test/3", 99_000); // measured once

        LatencySummary summary = latency.summary();
        assertThat(summary.count()).isEqualTo(10);
        assertThat(summary.p50Seconds()).isEqualTo(5.0);
        assertThat(summary.p90Seconds()).isEqualTo(9.0);
        assertThat(summary.maxSeconds()).isEqualTo(10.0);
    }
}
