package io.herald.frontier;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicatedFrontierStoreTest {

    /** One call to the replica, answered by the test. */
    record Apply(List<CrawlUrl> puts, List<String> removals, Promise<Void> answer) {
        List<String> putUrls() {
            return puts.stream().map(CrawlUrl::url).toList();
        }
    }

    static final class FakeReplica implements QueueReplica {
        final List<Apply> calls = new ArrayList<>();

        @Override
        public Future<Void> apply(Collection<CrawlUrl> puts, Collection<String> removals) {
            Apply call = new Apply(List.copyOf(puts), List.copyOf(removals), Promise.promise());
            calls.add(call);
            return call.answer().future();
        }

        Apply last() {
            return calls.get(calls.size() - 1);
        }
    }

    /** The in-memory store with a commit of the test's. */
    static final class CommitStore implements FrontierStore {
        private final InMemoryFrontierStore inner = new InMemoryFrontierStore();
        private final Runnable commit;

        CommitStore(Runnable commit) {
            this.commit = commit;
        }

        @Override public void push(CrawlUrl url) { inner.push(url); }
        @Override public CrawlUrl poll(String hostKey) { return inner.poll(hostKey); }
        @Override public int size(String hostKey) { return inner.size(hostKey); }
        @Override public long size() { return inner.size(); }
        @Override public int drop(String hostKey) { return inner.drop(hostKey); }
        @Override public Collection<String> queuedHosts() { return inner.queuedHosts(); }
        @Override public Runnable checkpoint(long pagesStarted) { return commit; }
    }

    private final FakeReplica replica = new FakeReplica();
    private final ReplicatedFrontierStore store = new ReplicatedFrontierStore(new InMemoryFrontierStore(), replica);

    private static CrawlUrl url(String path) {
        return new CrawlUrl("http://a.test/" + path, "http://a.test", 1, null, Via.LINK, 0, 0);
    }

    private void commit() {
        store.checkpoint(0).run();
    }

    @Test
    void aCommitPutsWhatWasPushedAndRemovesWhatWasDoneAfterTheInnerStoresCommit() {
        List<String> order = new ArrayList<>();
        ReplicatedFrontierStore ordered = new ReplicatedFrontierStore(new CommitStore(() -> order.add("inner commit")),
                (puts, removals) -> {
            order.add("replica");
            return Future.succeededFuture();
        });
        ordered.push(url("page"));
        Runnable commit = ordered.checkpoint(0);
        assertThat(order).as("nothing before the commit runs").isEmpty();
        commit.run();
        assertThat(order).containsExactly("inner commit", "replica");

        store.push(url("page"));
        store.push(url("other"));
        commit();
        assertThat(replica.last().putUrls()).containsExactly("http://a.test/page", "http://a.test/other");
        assertThat(replica.last().removals()).isEmpty();
        replica.last().answer().complete();

        CrawlUrl page = store.poll("http://a.test");
        store.push(url("link")); // a link found on the page, pushed before the page is done
        store.done(page);
        commit();
        assertThat(replica.last().putUrls()).containsExactly("http://a.test/link");
        assertThat(replica.last().removals()).containsExactly("http://a.test/page");
        assertThat(store.size()).as("the inner store holds the queue").isEqualTo(2);
    }

    @Test
    void aUrlPushedAndDoneBetweenTwoAppliesNeverReachesTheReplica() {
        store.push(url("quick"));
        store.done(store.poll("http://a.test"));
        commit();
        assertThat(replica.calls).as("nothing to apply: no call").isEmpty();
        assertThat(store.replicated().succeeded()).isTrue();
    }

    @Test
    void aRetryPushedBeforeItsFailedAttemptIsDoneStaysInTheReplica() {
        CrawlUrl first = url("flaky");
        store.push(first);
        commit();
        replica.last().answer().complete();
        CrawlUrl polled = store.poll("http://a.test");
        store.push(polled.nextAttempt()); // Admission queues the retry, then the attempt is done
        store.done(polled);
        commit();
        assertThat(replica.last().puts()).containsExactly(first.nextAttempt());
        assertThat(replica.last().removals()).as("the URL is still queued").isEmpty();
    }

    @Test
    void aRetryDoneBeforeTheNextApplyRemovesTheAttemptTheReplicaHolds() {
        store.push(url("flaky"));
        commit();
        replica.last().answer().complete();
        CrawlUrl polled = store.poll("http://a.test");
        store.push(polled.nextAttempt());
        store.done(polled);
        store.done(store.poll("http://a.test")); // the retry succeeds before the next apply
        commit();
        assertThat(replica.last().puts()).isEmpty();
        assertThat(replica.last().removals()).containsExactly("http://a.test/flaky");
    }

    @Test
    void aUrlDoneAndQueuedAgainIsPutAndThenRemovedWhenDoneAgain() {
        store.push(url("hub"));
        commit();
        replica.last().answer().complete();
        store.done(store.poll("http://a.test"));
        store.push(url("hub")); // a revisit: queued again before the apply
        store.done(store.poll("http://a.test"));
        commit();
        assertThat(replica.last().puts()).isEmpty();
        assertThat(replica.last().removals()).as("the replica holds it from the first apply")
                .containsExactly("http://a.test/hub");
    }

    @Test
    void aFailedApplyIsMergedIntoTheNextAndItsRepliesWaitUntilItSucceeds() {
        store.push(url("a"));
        store.push(url("b"));
        commit();
        Future<Void> replicated = store.replicated();
        replica.last().answer().fail("cluster unreachable");
        assertThat(replicated.isComplete()).as("the URLs are not in the replica").isFalse();
        assertThat(replica.calls).as("no retry before the next commit").hasSize(1);

        CrawlUrl a = store.poll("http://a.test");
        store.push(url("c"));
        store.done(a); // done since the failed batch: removed, after the puts
        commit();
        assertThat(replica.last().putUrls()).containsExactlyInAnyOrder("http://a.test/b", "http://a.test/c");
        assertThat(replica.last().removals()).containsExactly("http://a.test/a");
        assertThat(replicated.isComplete()).isFalse();
        replica.last().answer().complete();
        assertThat(replicated.succeeded()).isTrue();
        assertThat(store.replicated().succeeded()).isTrue();
    }

    @Test
    void aFailedRemovalOfAUrlQueuedAgainSinceIsDroppedForThePut() {
        store.push(url("hub"));
        commit();
        replica.last().answer().complete();
        store.done(store.poll("http://a.test"));
        commit();
        assertThat(replica.last().removals()).containsExactly("http://a.test/hub");
        store.push(url("hub")); // queued again while the removal is under way
        replica.last().answer().fail("timeout");
        commit();
        assertThat(replica.last().putUrls()).containsExactly("http://a.test/hub");
        assertThat(replica.last().removals()).isEmpty();
        replica.last().answer().complete();
        store.done(store.poll("http://a.test"));
        commit();
        assertThat(replica.last().removals()).as("the failed removal may have removed it, or not")
                .containsExactly("http://a.test/hub");
    }

    @Test
    void aCommitDuringAnApplyWaitsForItSoThatNoRemovalOvertakesAPut() {
        store.push(url("page"));
        commit();
        Apply first = replica.last();
        store.push(url("link"));
        store.done(store.poll("http://a.test"));
        commit();
        Future<Void> second = store.replicated();
        assertThat(replica.calls).as("the second waits for the first").hasSize(1);
        first.answer().complete();
        assertThat(second.isComplete()).isFalse();
        assertThat(replica.calls).hasSize(2);
        assertThat(replica.last().putUrls()).containsExactly("http://a.test/link");
        assertThat(replica.last().removals()).containsExactly("http://a.test/page");
        replica.last().answer().complete();
        assertThat(second.succeeded()).isTrue();
    }

    @Test
    void aFailedInnerCommitAppliesNothing() {
        ReplicatedFrontierStore failing = new ReplicatedFrontierStore(new CommitStore(() -> {
            throw new IllegalStateException("disk full");
        }), replica);
        failing.push(url("page"));
        Runnable commit = failing.checkpoint(0);
        try {
            commit.run();
        } catch (IllegalStateException expected) {
            // the frontier's thread reports it
        }
        assertThat(replica.calls).isEmpty();
    }
}
