package io.herald.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QuiescenceTest {
    private final Quiescence check = new Quiescence(Set.of("a", "b"));

    @Test
    void twoIdenticalIdleRoundsEndTheCrawl() {
        assertThat(check.observe(Map.of("a", idle(3, 1), "b", idle(1, 3)))).isFalse();
        assertThat(check.observe(Map.of("a", idle(3, 1), "b", idle(1, 3)))).isTrue();
    }

    @Test
    void aCounterThatMovedBetweenIdleRoundsMeansWorkHappenedInBetween() {
        assertThat(check.observe(Map.of("a", idle(3, 1), "b", idle(1, 3)))).isFalse();
        assertThat(check.observe(Map.of("a", idle(3, 2), "b", idle(2, 3)))).isFalse();
        assertThat(check.observe(Map.of("a", idle(3, 2), "b", idle(2, 3)))).isTrue();
    }

    @Test
    void aBusyNodeStartsTheCountAgain() {
        assertThat(check.observe(Map.of("a", idle(0, 0), "b", idle(0, 0)))).isFalse();
        assertThat(check.observe(Map.of("a", idle(0, 0), "b", new NodeState(false, 0, 0, 1)))).isFalse();
        assertThat(check.observe(Map.of("a", idle(0, 0), "b", idle(0, 0)))).isFalse();
        assertThat(check.observe(Map.of("a", idle(0, 0), "b", idle(0, 0)))).isTrue();
    }

    @Test
    void aNodeThatDoesNotAnswerIsNeverTakenForIdle() {
        assertThat(check.observe(Map.of("a", idle(0, 0)))).isFalse();
        assertThat(check.observe(Map.of("a", idle(0, 0)))).isFalse();
    }

    private static NodeState idle(long sent, long received) {
        return new NodeState(true, sent, received, 1);
    }
}
