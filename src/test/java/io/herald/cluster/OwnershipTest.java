package io.herald.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {
    private static final List<String> HOSTS = IntStream.range(0, 300).mapToObj(i -> "http://h" + i + ".test").toList();

    @Test
    void inTheFirstRingEveryHostIsOwnedFromTheStart() {
        Ownership a = Ownership.start("a", RingRecord.first(List.of("a", "b")));
        assertThat(HOSTS).filteredOn(a::owns).isNotEmpty().allMatch(h -> a.gainedAt(h) == 0);
    }

    @Test
    void aNewcomerGainsItsHostsAtItsRingAndTheOthersLoseOnlyThose() {
        RingRecord first = RingRecord.first(List.of("a", "b", "c"));
        RingRecord grown = first.joined("d");
        assertThat(grown.epoch()).isEqualTo(2);
        Ownership d = Ownership.none("d", first).next(grown);
        Ownership a = Ownership.start("a", first).next(grown);
        List<String> toD = HOSTS.stream().filter(d::owns).toList();
        assertThat(toD).isNotEmpty().allMatch(h -> d.gainedAt(h) == 2);
        assertThat(toD).noneMatch(a::owns);
        assertThat(HOSTS).filteredOn(a::owns).allMatch(h -> a.gainedAt(h) == 0);
        HostRing before = new HostRing(first.nodes());
        assertThat(HOSTS).filteredOn(h -> !toD.contains(h))
                .as("consistent hashing: a host moves only to the newcomer")
                .allMatch(h -> before.owner(h).equals(new HostRing(grown.nodes()).owner(h)));
    }

    @Test
    void survivorsGainTheDroppedNodesHostsAndKeepEarlierGainsDated() {
        RingRecord first = RingRecord.first(List.of("a", "b", "c"));
        RingRecord grown = first.joined("d");
        RingRecord shrunk = grown.without(Set.of("c"));
        assertThat(shrunk.removed()).containsExactly("c");
        assertThat(shrunk.nodes()).containsExactly("a", "b", "d");
        Ownership d = Ownership.none("d", first).next(grown).next(shrunk);
        HostRing withC = new HostRing(grown.nodes());
        assertThat(HOSTS).filteredOn(d::owns).allMatch(h -> d.gainedAt(h) == (withC.owner(h).equals("c") ? 3 : 2));
        assertThat(HOSTS).filteredOn(h -> withC.owner(h).equals("c")).allMatch(h -> !d.owns(h) || d.gainedAt(h) == 3);
    }

    @Test
    void aNodeRestartedAfterTheRingChangedTakesEveryHostAsGained() {
        RingRecord second = RingRecord.first(List.of("a", "b")).joined("c");
        Ownership a = Ownership.start("a", second);
        assertThat(HOSTS).filteredOn(a::owns).isNotEmpty().allMatch(h -> a.gainedAt(h) == 2);
    }

    @Test
    void theRecordSurvivesItsText() {
        RingRecord ring = RingRecord.first(List.of("b", "a")).joined("c").without(Set.of("a"));
        assertThat(RingRecord.decode(ring.encode())).isEqualTo(ring);
        assertThat(ring.joined("a").removed()).isEmpty();
    }
}
