package io.herald.frontier;

import io.herald.model.Addresses;
import io.herald.model.CrawlUrl;
import io.herald.politeness.PolitenessGate;
import io.herald.testing.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stop that lands while a periodic checkpoint waits for the sink still commits everything finished. */
class FrontierVerticleCheckpointTest {

    /** Counts checkpoints begun and committed around an in-memory store. */
    private static class CountingStore implements FrontierStore {
        final InMemoryFrontierStore inner = new InMemoryFrontierStore();
        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();

        @Override public void push(CrawlUrl url) { inner.push(url); }
        @Override public CrawlUrl poll(String hostKey) { return inner.poll(hostKey); }
        @Override public int size(String hostKey) { return inner.size(hostKey); }
        @Override public long size() { return inner.size(); }
        @Override public int drop(String hostKey) { return inner.drop(hostKey); }
        @Override public Collection<String> queuedHosts() { return inner.queuedHosts(); }

        @Override
        public Runnable checkpoint(long pagesStarted) {
            begun.incrementAndGet();
            return committed::incrementAndGet;
        }
    }

    @Test
    void stopWaitsForThePendingCheckpointAndCommitsOnceMore() throws Exception {
        CountingStore store = new CountingStore();
        var config = TestConfigs.crawl(List.of("http://news.test/"), TestConfigs.politeness(Duration.ZERO, 1), Path.of("out"));
        Clock clock = Clock.systemUTC();
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        Frontier frontier = new Frontier(config, store, new InMemorySeenSet(), gate, clock, new SimpleMeterRegistry(),
                RevisitStore.NONE, HostShare.WHOLE);
        Vertx vertx = Vertx.vertx();
        try {
            // a slow sink: each sync is answered 300 ms after it is asked for
            vertx.eventBus().consumer(Addresses.SINK_SYNC, msg -> vertx.setTimer(300, t -> msg.reply(null)));
            String id = vertx.deployVerticle(new FrontierVerticle(frontier, clock, Duration.ofMillis(50)))
                    .await(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> store.begun.get() == 1);
            vertx.undeploy(id).await(5, TimeUnit.SECONDS);
            assertThat(store.begun.get()).as("stop began a checkpoint of its own").isEqualTo(2);
            assertThat(store.committed.get()).as("both committed before undeploy finished").isEqualTo(2);
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCommitHookRunsWhenTheCheckpointCommitsJustBeforeTheStore() {
        List<String> order = new ArrayList<>();
        CountingStore store = new CountingStore() {
            @Override
            public Runnable checkpoint(long pagesStarted) {
                return () -> order.add("store");
            }
        };
        var config = TestConfigs.crawl(List.of("http://news.test/"), TestConfigs.politeness(Duration.ZERO, 1), Path.of("out"));
        Clock clock = Clock.systemUTC();
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        Frontier frontier = new Frontier(config, store, new InMemorySeenSet(), gate, clock, new SimpleMeterRegistry(),
                RevisitStore.NONE, HostShare.WHOLE);
        frontier.beforeCheckpointCommit(() -> order.add("hook"));
        Runnable commit = frontier.checkpoint();
        assertThat(order).as("nothing runs before the output is synced").isEmpty();
        commit.run();
        assertThat(order).containsExactly("hook", "store");
    }
}
