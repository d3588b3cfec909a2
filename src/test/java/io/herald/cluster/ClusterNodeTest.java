package io.herald.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterNodeTest {

    @Test
    void aBatchWaitsForItsAnswerLongerThanTheOwnersCheckpointTakesToCommitIt() {
        // the owner answers only after a checkpoint: with a 30 s interval a 10 s wait would send every batch twice
        assertThat(ClusterNode.sendOptions(Duration.ofSeconds(1)).getSendTimeout()).isEqualTo(12_000);
        assertThat(ClusterNode.sendOptions(Duration.ofSeconds(30)).getSendTimeout()).isGreaterThan(60_000);
    }
}
