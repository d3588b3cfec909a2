package io.herald.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The share's view of a changing ring: which hosts it owns, and when a host it gained may be asked. */
class ClusterShareTest {
    private static final List<String> HOSTS = IntStream.range(0, 200).mapToObj(i -> "http://h" + i + ".test").toList();
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private ClusterShare share(String self, Ownership start, RingRecord ring) {
        return new ClusterShare(self, start, ring, Duration.ofSeconds(5), vertx.getOrCreateContext(),
                (node, urls) -> Future.succeededFuture());
    }

    @Test
    void aNewcomersHostsWaitUntilEveryNodeHasSettledAndThenTheCooldown() {
        RingRecord first = RingRecord.first(List.of("a", "b"));
        RingRecord grown = first.joined("c");
        ClusterShare c = share("c", Ownership.none("c", first).next(grown), grown);
        String mine = HOSTS.stream().filter(c::owns).findFirst().orElseThrow();

        assertThat(c.availableAt(mine)).as("the old owner may still be asking it").isEqualTo(Long.MAX_VALUE);
        long before = System.currentTimeMillis();
        c.everyoneSettled(2);
        assertThat(c.refresh()).as("the frontier must look at its hosts again").isTrue();
        assertThat(c.availableAt(mine)).isBetween(before + 5_000, System.currentTimeMillis() + 5_000);
    }

    @Test
    void aLaterRingSeenSettledCoversAnEarlierOneThatWasNot() {
        RingRecord first = RingRecord.first(List.of("a", "b"));
        RingRecord grown = first.joined("c");
        ClusterShare c = share("c", Ownership.none("c", first).next(grown), grown);
        String mine = HOSTS.stream().filter(c::owns).findFirst().orElseThrow();
        c.everyoneSettled(3);
        assertThat(c.availableAt(mine)).isLessThan(Long.MAX_VALUE);
    }

    @Test
    void aNodeTakesUpANewRingAtItsNextRefreshAndMustSayWhenItHasSettled() {
        RingRecord first = RingRecord.first(List.of("a", "b"));
        ClusterShare a = share("a", Ownership.start("a", first), first);
        assertThat(HOSTS).filteredOn(a::owns).allMatch(h -> a.availableAt(h) == 0);
        assertThat(a.refresh()).isTrue(); // the first look
        assertThat(a.refresh()).isFalse();
        long ownedBefore = HOSTS.stream().filter(a::owns).count();

        RingRecord grown = first.joined("c");
        a.adopt(grown);
        assertThat(HOSTS.stream().filter(a::owns).count()).as("not before the frontier takes it up")
                .isEqualTo(ownedBefore);
        assertThat(a.refresh()).isTrue();
        assertThat(a.settling()).isTrue();
        assertThat(HOSTS.stream().filter(a::owns).count()).isLessThan(ownedBefore);
        assertThat(a.state().settled()).isEqualTo(1);
        a.settled();
        assertThat(a.settling()).isFalse();
        assertThat(a.state().settled()).isEqualTo(2);
        assertThat(HOSTS).filteredOn(a::owns).as("a gained nothing from c's arrival").allMatch(h -> a.availableAt(h) == 0);
    }

    @Test
    void withoutAQuorumNothingNewIsFetched() {
        RingRecord first = RingRecord.first(List.of("a", "b", "c"));
        ClusterShare a = share("a", Ownership.start("a", first), first);
        assertThat(a.holdBack()).isFalse();
        a.quorum(false);
        assertThat(a.holdBack()).isTrue();
        a.quorum(true);
        assertThat(a.holdBack()).isFalse();
    }

    @Test
    void aRestartedNodeOfALaterRingWaitsTheCooldownFromItsStart() {
        RingRecord second = RingRecord.first(List.of("a", "b")).joined("c");
        long before = System.currentTimeMillis();
        ClusterShare a = share("a", Ownership.start("a", second), second);
        String mine = HOSTS.stream().filter(a::owns).findFirst().orElseThrow();
        assertThat(a.availableAt(mine)).isBetween(before + 5_000, System.currentTimeMillis() + 5_000);
    }
}
