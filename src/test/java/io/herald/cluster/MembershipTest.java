package io.herald.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipTest {
    private static final List<String> RING = List.of("a", "b", "c");

    @Test
    void aNodeIsDroppedOnlyAfterItWasGoneForTheWholeTakeoverTime() {
        Membership membership = new Membership(Duration.ofSeconds(10));
        assertThat(membership.observe(RING, Set.of("a", "b"), 1_000)).isEmpty();
        assertThat(membership.observe(RING, Set.of("a", "b"), 10_999)).isEmpty();
        assertThat(membership.observe(RING, Set.of("a", "b"), 11_000)).containsExactly("c");
    }

    @Test
    void aNodeBackInTimeStartsTheCountAgain() {
        Membership membership = new Membership(Duration.ofSeconds(10));
        membership.observe(RING, Set.of("a", "b"), 1_000);
        membership.observe(RING, Set.of("a", "b", "c"), 5_000); // a restart with the same name
        assertThat(membership.observe(RING, Set.of("a", "b"), 12_000)).isEmpty();
        assertThat(membership.observe(RING, Set.of("a", "b"), 22_000)).containsExactly("c");
    }

    @Test
    void takeoverZeroNeverDrops() {
        Membership membership = new Membership(Duration.ZERO);
        membership.observe(RING, Set.of("a"), 0);
        assertThat(membership.observe(RING, Set.of("a", "b"), 1_000_000)).isEmpty();
    }

    @Test
    void onlyASideWithAQuorumDropsTheOthers() {
        Membership minority = new Membership(Duration.ofSeconds(1));
        minority.observe(RING, Set.of("c"), 0);
        assertThat(minority.observe(RING, Set.of("c"), 5_000)).as("c alone of three").isEmpty();

        assertThat(Membership.quorum(RING, Set.of("a", "b"))).isTrue();
        assertThat(Membership.quorum(RING, Set.of("c"))).isFalse();
        List<String> two = List.of("a", "b");
        assertThat(Membership.quorum(two, Set.of("a"))).as("half, with the first name").isTrue();
        assertThat(Membership.quorum(two, Set.of("b"))).as("half, without it").isFalse();
        List<String> four = List.of("a", "b", "c", "d");
        assertThat(Membership.quorum(four, Set.of("c", "d"))).isFalse();
        assertThat(Membership.quorum(four, Set.of("a", "d"))).isTrue();
    }
}
