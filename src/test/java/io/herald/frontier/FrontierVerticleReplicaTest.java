package io.herald.frontier;

import io.herald.model.Addresses;
import io.herald.model.CrawlUrl;
import io.herald.model.HandedOver;
import io.herald.model.LocalCodec;
import io.herald.model.Via;
import io.herald.politeness.PolitenessGate;
import io.herald.testing.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Cluster mode: another node's batch is answered only once the checkpoint has committed it and the replica holds it. */
class FrontierVerticleReplicaTest {
    private static final String STORY = "http://news.test/story";
    private final Vertx vertx = Vertx.vertx();

    /** Holds an apply with the handed-over URL until the test releases it, then completes it on the frontier's context. */
    private static final class HeldReplica implements QueueReplica {
        final List<List<String>> puts = new CopyOnWriteArrayList<>();
        final List<Runnable> release = new CopyOnWriteArrayList<>();

        @Override
        public Future<Void> apply(Collection<CrawlUrl> urls, Collection<String> removals) {
            Context context = Vertx.currentContext();
            Promise<Void> promise = Promise.promise();
            List<String> put = urls.stream().map(CrawlUrl::url).toList();
            puts.add(put);
            if (put.contains(STORY)) {
                release.add(() -> context.runOnContext(v -> promise.complete()));
            } else {
                promise.complete(); // the seed's
            }
            return promise.future();
        }
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private Frontier frontier(FrontierStore store) {
        var config = TestConfigs.crawl(List.of("http://news.test/"), TestConfigs.politeness(Duration.ZERO, 1), Path.of("out"));
        Clock clock = Clock.systemUTC();
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        return new Frontier(config, store, new InMemorySeenSet(), gate, clock, new SimpleMeterRegistry(),
                RevisitStore.NONE, HostShare.WHOLE);
    }

    private AtomicInteger handOver(String url) {
        AtomicInteger answered = new AtomicInteger(-1);
        CrawlUrl handed = new CrawlUrl(url, "http://news.test", 1, "http://other.test/", Via.LINK, 0, 0);
        vertx.eventBus().<Integer>request(Addresses.FRONTIER_HANDED_OVER, new HandedOver(List.of(handed)),
                LocalCodec.OPTIONS).onSuccess(reply -> answered.set(reply.body()));
        return answered;
    }

    private void deploy(Frontier frontier, AtomicInteger syncs) throws Exception {
        LocalCodec.register(vertx.eventBus());
        vertx.eventBus().consumer(Addresses.SINK_SYNC, msg -> {
            syncs.incrementAndGet();
            msg.reply(null);
        });
        vertx.deployVerticle(new FrontierVerticle(frontier, Clock.systemUTC(), Duration.ofMillis(50)))
                .await(5, TimeUnit.SECONDS);
    }

    @Test
    void aHandedOverBatchIsAnsweredOnlyOnceTheReplicaHoldsIt() throws Exception {
        HeldReplica replica = new HeldReplica();
        AtomicInteger syncs = new AtomicInteger();
        deploy(frontier(new ReplicatedFrontierStore(new InMemoryFrontierStore(), replica)), syncs);
        AtomicInteger answered = handOver(STORY);
        await().atMost(Duration.ofSeconds(5)).until(() -> replica.release.size() == 1);
        int applies = replica.puts.size();
        int syncsThen = syncs.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> syncs.get() >= syncsThen + 3);
        assertThat(answered.get()).as("committed locally, not yet in the replica: no answer").isEqualTo(-1);
        assertThat(replica.puts).as("later commits wait for the apply under way").hasSize(applies);
        replica.release.get(0).run();
        await().atMost(Duration.ofSeconds(5)).until(() -> answered.get() == 1);
    }

    @Test
    void aStopWaitsForTheReplicaToHoldTheLastCheckpoint() throws Exception {
        HeldReplica replica = new HeldReplica();
        AtomicInteger syncs = new AtomicInteger();
        deploy(frontier(new ReplicatedFrontierStore(new InMemoryFrontierStore(), replica)), syncs);
        handOver(STORY);
        await().atMost(Duration.ofSeconds(5)).until(() -> replica.release.size() == 1);
        String id = vertx.deploymentIDs().iterator().next();
        int syncsThen = syncs.get();
        Future<Void> undeployed = vertx.undeploy(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> syncs.get() > syncsThen); // at the latest the last checkpoint's
        assertThat(undeployed.isComplete()).as("its apply waits for the one under way").isFalse();
        replica.release.get(0).run();
        undeployed.await(5, TimeUnit.SECONDS); // then the last commit's (empty) changes: the stop completes
    }

    @Test
    void withoutAReplicaTheBatchIsAnsweredAtTheCommitAsBefore() throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        deploy(frontier(new InMemoryFrontierStore()), syncs);
        AtomicInteger answered = handOver(STORY);
        await().atMost(Duration.ofSeconds(5)).until(() -> answered.get() == 1);
        assertThat(syncs.get()).as("after a checkpoint").isPositive();
    }
}
