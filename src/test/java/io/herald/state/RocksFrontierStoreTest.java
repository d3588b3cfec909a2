package io.herald.state;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksFrontierStoreTest {
    private static final String A = "http://a.test";
    private static final String B = "http://b.test:8080";

    @TempDir
    Path dir;
    @RegisterExtension
    final TestStateDb db = new TestStateDb();

    private RocksFrontierStore open(int workingSet) {
        return new RocksFrontierStore(db.reopen(dir), workingSet);
    }

    /** The store after a clean close and a new open of its StateDb: a restart. */
    private RocksFrontierStore reopen(int workingSet) {
        return open(workingSet);
    }

    private static CrawlUrl url(String host, String path, Via via) {
        return new CrawlUrl(host + path, host, 1, host + "/", via, 0, 0);
    }

    private static List<String> drain(RocksFrontierStore store, String host) {
        List<String> paths = new ArrayList<>();
        CrawlUrl next;
        while ((next = store.poll(host)) != null) {
            paths.add(next.url().substring(host.length()));
            store.done(next);
        }
        return paths;
    }

    @Test
    void eachHostIsFifoWithRelatedLinksAndSeedsFirst() {
        RocksFrontierStore store = open(4);
        store.push(url(A, "/l1", Via.LINK));
        store.push(url(B, "/b1", Via.LINK));
        store.push(url(A, "/r1", Via.RELATED));
        store.push(url(A, "/l2", Via.REDIRECT));
        store.push(url(A, "/s", Via.SEED));
        assertThat(store.size()).isEqualTo(5);
        assertThat(store.size(A)).isEqualTo(4);
        assertThat(store.poll(A).url()).isEqualTo(A + "/r1");
        // read ahead: /s, /l1, /l2 are now in the working set; a related link must still jump ahead of them
        store.push(url(A, "/r2", Via.RELATED));
        store.push(url(A, "/l3", Via.LINK));
        assertThat(drain(store, A)).containsExactly("/s", "/r2", "/l1", "/l2", "/l3");
        assertThat(drain(store, B)).containsExactly("/b1");
        assertThat(store.size()).isZero();
        assertThat(store.poll("http://none.test")).isNull();
    }

    @Test
    void aRecordRoundTripsWithEveryField() {
        RocksFrontierStore store = open(10);
        CrawlUrl original = new CrawlUrl(A + "/ü?q=1", A, 3, null, Via.REDIRECT, 2, 4);
        store.push(original);
        store = reopen(10);
        assertThat(store.poll(A)).isEqualTo(original);
    }

    @Test
    void queuesSurviveReopenAndPagesInFlightComeBackFirst() {
        RocksFrontierStore store = open(2);
        for (int i = 0; i < 10; i++) {
            store.push(url(A, "/" + i, Via.LINK));
        }
        CrawlUrl zero = store.poll(A);
        store.done(zero);
        store.checkpoint(7).run();            // /0 is done and committed
        CrawlUrl one = store.poll(A);
        store.done(one);                      // done, but no checkpoint yet: fetched again after a crash
        store.poll(A);                        // /2 in flight
        store.checkpoint(9);                  // started but never run (the output sync did not answer)
        store = reopen(2);
        assertThat(store.pagesStartedBefore()).isEqualTo(7);
        assertThat(store.size()).isEqualTo(9);
        assertThat(drain(store, A)).containsExactly("/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9");
    }

    @Test
    void theWorkingSetStaysWithinItsBound() {
        RocksFrontierStore store = open(64);
        for (int h = 0; h < 50; h++) {
            for (int i = 0; i < 20; i++) {
                store.push(url("http://h" + h + ".test", "/" + i, Via.LINK));
            }
        }
        for (int round = 0; round < 20; round++) {
            for (int h = 0; h < 50; h++) {
                assertThat(store.poll("http://h" + h + ".test").url()).endsWith("/" + round);
                assertThat(store.workingSetSize()).isLessThanOrEqualTo(64);
            }
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void dropEmptiesOneHostDurably() {
        RocksFrontierStore store = open(4);
        for (int i = 0; i < 3000; i++) {
            store.push(url(A, "/" + i, Via.LINK));
        }
        store.push(url(B, "/keep", Via.LINK));
        store.poll(A);
        assertThat(store.drop(A)).isEqualTo(2999);
        assertThat(store.size(A)).isZero();
        store = reopen(4);
        assertThat(store.size()).isEqualTo(2); // B's URL and A's URL that was in flight
        assertThat(drain(store, A)).containsExactly("/0");
        assertThat(drain(store, B)).containsExactly("/keep");
    }

    @Test
    void dropLeavesHostsWhoseKeysShareItsPrefixAndTakesLaterPushes() {
        String sameNameOtherPort = A + ":8080";
        RocksFrontierStore store = open(4);
        store.push(url(A, "/unflushed", Via.LINK)); // still in the pending batch when the range goes
        store.push(url(sameNameOtherPort, "/other", Via.LINK));
        assertThat(store.drop(A)).isEqualTo(1);
        store.push(url(A, "/after", Via.LINK));
        store = reopen(4);
        assertThat(drain(store, A)).containsExactly("/after");
        assertThat(drain(store, sameNameOtherPort)).containsExactly("/other");
        assertThat(store.size()).isZero();
    }

    @Test
    void aCrashLosesUnflushedChangesTogetherAndNothingElse() {
        // The seen mark and the queue entry of a URL share one batch: a crash loses both or neither.
        RocksFrontierStore store = open(4);
        RocksSeenSet seen = new RocksSeenSet(db.get(), 1 << 20);
        seen.add(A + "/kept");
        store.push(url(A, "/kept", Via.LINK));
        db.get().flush();
        seen.add(A + "/lost");
        store.push(url(A, "/lost", Via.LINK));
        db.crash();
        store = open(4);
        seen = new RocksSeenSet(db.get(), 1 << 20);
        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.add(A + "/lost")).as("not seen, so it can be offered again").isTrue();
        assertThat(drain(store, A)).containsExactly("/kept");
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefused() {
        open(4);
        assertThatThrownBy(() -> StateDb.open(dir, 8 << 20))
                .isInstanceOf(StateException.class).hasMessageContaining("in use by another herald process");
    }
}
