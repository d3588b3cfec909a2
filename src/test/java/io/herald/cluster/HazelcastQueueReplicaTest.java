package io.herald.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.herald.config.ClusterConfig;
import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The replicated queue on in-process Hazelcast members configured as {@link HazelcastSettings} configures a node's. */
class HazelcastQueueReplicaTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final String crawl = "replica-" + UUID.randomUUID(); // never joins another test's members

    @AfterEach
    void shutDown() throws Exception {
        members.forEach(HazelcastInstance::shutdown);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    /** A member on a free loopback port, joining {@code join} (host:port) if given. */
    private HazelcastInstance member(String name, List<String> join) {
        ClusterConfig cluster = new ClusterConfig(true, name, "127.0.0.1", 0, join, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(HazelcastSettings.of(cluster, crawl));
        members.add(member);
        return member;
    }

    private static String address(HazelcastInstance member) {
        InetSocketAddress at = (InetSocketAddress) member.getLocalEndpoint().getSocketAddress();
        return "127.0.0.1:" + at.getPort();
    }

    private static CrawlUrl url(String host, String path) {
        return new CrawlUrl("http://" + host + "/" + path, "http://" + host, 2, "http://" + host + "/", Via.LINK, 0, 1);
    }

    private static <T> T done(Future<T> future) throws Exception {
        return future.await(10, TimeUnit.SECONDS);
    }

    @Test
    void anApplyPutsThenRemovesAndTheSurvivorTakesOverOnlyTheHostsItOwns() throws Exception {
        HazelcastInstance hz = member("a", List.of());
        HazelcastQueueReplica a = new HazelcastQueueReplica(vertx, hz, "a");
        CrawlUrl page = url("one.test", "page");
        done(a.apply(List.of(page, url("two.test", "x")), List.of()));
        CrawlUrl link = url("one.test", "link");
        done(a.apply(List.of(link), List.of(page.url(), "http://one.test/never-queued")));

        CrawlUrl both = url("two.test", "y");
        done(a.apply(List.of(both), List.of(both.url()))); // the removals come after the puts
        IMap<String, String> map = hz.getMap("herald.queue.a");
        assertThat(map.keySet()).containsExactlyInAnyOrder("http://one.test/link", "http://two.test/x");
        assertThat(hz.getConfig().findMapConfig("herald.queue.a").getBackupCount()).isEqualTo(1);

        HazelcastQueueReplica survivor = new HazelcastQueueReplica(vertx, hz, "b");
        List<CrawlUrl> taken = done(survivor.takeOver("a", host -> host.equals("http://one.test")));
        assertThat(taken).as("the URL as queued, afresh").containsExactly(link);
        assertThat(done(survivor.takeOver("a", host -> true))).hasSize(2);
        assertThat(done(survivor.takeOver("nobody", host -> true))).isEmpty();

        done(survivor.clear("a"));
        assertThat(done(a.size("a"))).isZero();
    }

    @Test
    void theFuturesCompleteOnTheCallersContext() throws Exception {
        HazelcastInstance hz = member("a", List.of());
        HazelcastQueueReplica a = new HazelcastQueueReplica(vertx, hz, "a");
        var context = vertx.getOrCreateContext();
        Future<Boolean> onCaller = Future.future(p -> context.runOnContext(v ->
                a.apply(List.of(url("one.test", "p")), List.of("http://one.test/q"))
                        .compose(x -> a.takeOver("a", host -> true))
                        .onComplete(ar -> p.complete(ar.succeeded() && Vertx.currentContext() == context))));
        assertThat(done(onCaller)).isTrue();
    }

    @Test
    void theQueueOutlivesTheMemberThatWroteIt() throws Exception {
        HazelcastInstance first = member("a", List.of());
        HazelcastInstance second = member("b", List.of(address(first)));
        await().atMost(Duration.ofSeconds(15)).until(() -> first.getCluster().getMembers().size() == 2
                && second.getPartitionService().isClusterSafe());
        HazelcastQueueReplica a = new HazelcastQueueReplica(vertx, first, "a");
        List<CrawlUrl> queued = new ArrayList<>();
        for (int i = 0; i < 2000; i++) { // a news URL of typical length (about 80 characters), and its referrer's
            String host = "www.host" + i % 7 + "-news.example";
            queued.add(new CrawlUrl("https://" + host + "/2026/12/05/politics/a-headline-of-some-length-" + i,
                    "https://" + host, 2, "https://" + host + "/politics/", Via.LINK, 0, 0));
        }
        done(a.apply(queued, List.of()));
        long bytes = 0;
        for (HazelcastInstance member : members) {
            var stats = member.getMap("herald.queue.a").getLocalMapStats();
            bytes += stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost();
        }
        System.out.printf("replicated queue: %d URLs, %d bytes in the cluster's heaps (owned + backup), %d per URL%n",
                queued.size(), bytes, bytes / queued.size());
        assertThat(bytes / queued.size()).as("bytes per URL, both copies").isBetween(200L, 2_000L);

        first.getLifecycleService().terminate(); // as a kill -9: no migration, only the backup on the other member
        await().atMost(Duration.ofSeconds(15)).until(() -> second.getCluster().getMembers().size() == 1);
        HazelcastQueueReplica b = new HazelcastQueueReplica(vertx, second, "b");
        assertThat(done(b.takeOver("a", host -> true))).containsExactlyInAnyOrderElementsOf(queued);
    }
}
