package io.herald.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import io.herald.config.ClusterConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against one in-process Hazelcast member (loopback, an ephemeral port, no join); the nodes are claims objects. */
class ClusterClaimsTest {
    private static HazelcastInstance hazelcast;
    private static Vertx vertx;
    private static IMap<String, String> map;

    @TempDir
    Path output;

    @BeforeAll
    static void startMember() {
        ClusterConfig alone = new ClusterConfig(true, "n1", "127.0.0.1", 0, List.of(), Duration.ofSeconds(10),
                Duration.ZERO);
        hazelcast = Hazelcast.newHazelcastInstance(HazelcastSettings.of(alone, "claims-test-" + System.nanoTime()));
        map = hazelcast.getMap(ClusterClaims.MAP);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopMember() {
        if (hazelcast != null) {
            hazelcast.shutdown();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @BeforeEach
    void clear() {
        map.clear();
    }

    /** Node {@code self}'s claims in a crawl whose ring holds {@code ring}. */
    private ClusterClaims node(String self, String... ring) {
        return ClusterClaims.of(hazelcast, self, Set.of(ring)::contains, output);
    }

    /** Runs {@code call} on a Vert.x context, as the sink does, and checks its answer comes back on it. */
    private static <T> T on(Supplier<Future<T>> call) throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> call.get().onComplete(ar -> {
            if (Vertx.currentContext() != context) {
                result.completeExceptionally(new AssertionError("answered off the caller's context"));
            } else if (ar.succeeded()) {
                result.complete(ar.result());
            } else {
                result.completeExceptionally(ar.cause());
            }
        }));
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private void deadNodeWrote(String node, String... urls) throws Exception {
        Path dir = Files.createDirectories(NodeFolders.outputOf(output, node));
        StringBuilder lines = new StringBuilder();
        for (String url : urls) {
            lines.append("{\"url\":\"").append(url).append("\"}\n");
        }
        Files.writeString(dir.resolve("articles-0001.jsonl"), lines);
    }

    @Test
    void aFreeKeyIsGrantedRefusedToAnotherLiveNodeAndGrantedAgainToItsHolder() throws Exception {
        ClusterClaims n1 = node("n1", "n1", "n2");
        ClusterClaims n2 = node("n2", "n1", "n2");
        assertThat(on(() -> n1.claim(List.of("http://a.test/1")))).isTrue();
        assertThat(map.get("http://a.test/1")).isEqualTo("n1");
        assertThat(on(() -> n2.claim(List.of("http://a.test/1")))).isFalse();
        assertThat(on(() -> n1.claim(List.of("http://a.test/1")))).as("a restarted n1: its own claim").isTrue();

        on(() -> n1.confirm(List.of("http://a.test/1")));
        assertThat(map.get("http://a.test/1")).isEqualTo("n1+");
        assertThat(on(() -> n1.claim(List.of("http://a.test/1")))).isTrue();
        assertThat(on(() -> n2.claim(List.of("http://a.test/1")))).isFalse();
    }

    @Test
    void aClaimIsAllOrNothingAndAReleasedKeyIsFreeAgain() throws Exception {
        ClusterClaims n1 = node("n1", "n1", "n2");
        ClusterClaims n2 = node("n2", "n1", "n2");
        on(() -> n2.claim(List.of("http://a.test/u#hash")));
        assertThat(on(() -> n1.claim(List.of("http://a.test/u", "http://a.test/u#hash")))).isFalse();
        assertThat(map.containsKey("http://a.test/u")).as("what the refused claim gained is given back").isFalse();

        on(() -> n2.release(List.of("http://a.test/u#hash")));
        assertThat(on(() -> n1.claim(List.of("http://a.test/u", "http://a.test/u#hash")))).isTrue();
        on(() -> n2.release(List.of("http://a.test/u"))); // not n2's: stays
        assertThat(map.get("http://a.test/u")).isEqualTo("n1");
    }

    @Test
    void aDeadNodesUnconfirmedClaimIsRefusedWhenItsOutputHasTheArticleAndTakenOverWhenNot() throws Exception {
        deadNodeWrote("n2", "http://a.test/written");
        map.put("http://a.test/written", "n2");
        map.put("http://a.test/lost", "n2");
        ClusterClaims n1 = node("n1", "n1", "n3"); // n2 left the crawl

        assertThat(on(() -> n1.claim(List.of("http://a.test/written")))).isFalse();
        assertThat(on(() -> n1.claim(List.of("http://a.test/lost")))).isTrue();
        assertThat(map.get("http://a.test/lost")).isEqualTo("n1");
        assertThat(map.get("http://a.test/written")).isEqualTo("n2");
        assertThat(n1.unverified()).isZero();
    }

    @Test
    void aDeadNodesConfirmedClaimIsAlwaysRefused() throws Exception {
        deadNodeWrote("n2"); // readable, and the line is not there (downstream took the file, say)
        map.put("http://a.test/confirmed", "n2+");
        ClusterClaims n1 = node("n1", "n1");
        assertThat(on(() -> n1.claim(List.of("http://a.test/confirmed")))).isFalse();
        assertThat(map.get("http://a.test/confirmed")).isEqualTo("n2+");
    }

    @Test
    void aDeadNodesClaimIsRefusedAndCountedWhenItsOutputCannotBeReadHere() throws Exception {
        map.put("http://a.test/1", "n2");
        map.put("http://a.test/2", "n2");
        ClusterClaims n1 = node("n1", "n1");
        assertThat(on(() -> n1.claim(List.of("http://a.test/1")))).isFalse();
        assertThat(on(() -> n1.claim(List.of("http://a.test/2")))).isFalse();
        assertThat(n1.unverified()).isEqualTo(2);
        assertThat(map.get("http://a.test/1")).isEqualTo("n2");
    }

    @Test
    void aDeadNodesFolderReadOnceIsReadAgainWhenItChanged() throws Exception {
        deadNodeWrote("n2", "http://a.test/1");
        map.put("http://a.test/2", "n2");
        map.put("http://a.test/3", "n2");
        ClusterClaims n1 = node("n1", "n1");
        assertThat(on(() -> n1.claim(List.of("http://a.test/3")))).as("not in n2's output: taken over").isTrue();
        deadNodeWrote("n2", "http://a.test/1", "http://a.test/2"); // e.g. a shared folder that caught up late
        assertThat(on(() -> n1.claim(List.of("http://a.test/2")))).as("not the first read's answer").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemberThatRefusesAtOnceGivesAFailedClaimNotAnException() {
        IMap<String, String> down = (IMap<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{IMap.class}, (proxy, method, args) -> {
                    throw new HazelcastInstanceNotActiveException();
                });
        ClusterClaims n1 = new ClusterClaims(down, "n1", Set.of("n1")::contains, output);
        assertThatThrownBy(() -> on(() -> n1.claim(List.of("http://a.test/1"))))
                .isInstanceOf(HazelcastInstanceNotActiveException.class);
        assertThatThrownBy(() -> on(() -> n1.confirm(List.of("http://a.test/1"))))
                .isInstanceOf(HazelcastInstanceNotActiveException.class);
    }

    @Test
    void nodesOnTwoMembersShareTheClaims() throws Exception {
        int port = hazelcast.getCluster().getLocalMember().getAddress().getPort();
        ClusterConfig second = new ClusterConfig(true, "n2", "127.0.0.1", 0, List.of("127.0.0.1:" + port),
                Duration.ofSeconds(10), Duration.ZERO);
        HazelcastInstance other = Hazelcast.newHazelcastInstance(
                HazelcastSettings.of(second, hazelcast.getConfig().getClusterName().substring("herald-".length())));
        try {
            assertThat(other.getCluster().getMembers()).hasSize(2);
            ClusterClaims n1 = node("n1", "n1", "n2");
            ClusterClaims n2 = ClusterClaims.of(other, "n2", Set.of("n1", "n2")::contains, output);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 40; i++) { // spread over partitions of both members: the steps travel serialized
                keys.add("http://a.test/" + i);
            }
            assertThat(on(() -> n2.claim(keys))).isTrue();
            on(() -> n2.confirm(keys));
            for (String key : keys) {
                assertThat(on(() -> n1.claim(List.of(key)))).as(key).isFalse();
                assertThat(map.get(key)).isEqualTo("n2+");
            }
        } finally {
            other.shutdown();
        }
    }
}
