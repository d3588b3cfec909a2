package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.StateConfig;
import io.herald.frontier.QueueReplica;
import io.herald.frontier.ReplicatedFrontierStore;
import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.herald.state.RocksFrontierStore;
import io.herald.testing.TestConfigs;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.herald.testing.ConfigSections.withState;
import static org.assertj.core.api.Assertions.assertThat;

/** Cluster mode: given a replica, the durable queue is kept in it too; otherwise the stores are as ever. */
class CrawlStoresReplicaTest {
    @TempDir
    Path tmp;

    private final List<String> applied = new ArrayList<>();
    private final QueueReplica replica = (puts, removals) -> {
        puts.forEach(url -> applied.add(url.url()));
        return Future.succeededFuture();
    };

    private CrawlConfig config(StateConfig.Store store) {
        return withState(TestConfigs.crawl(List.of("http://news.test/"), TestConfigs.politeness(Duration.ZERO, 1),
                        tmp.resolve("out")),
                new StateConfig(tmp.resolve("state"), store, 100, 8 << 20, 1 << 20, Duration.ofSeconds(1)));
    }

    @Test
    void aDurableQueueWithAReplicaIsReplicatedAtEachCommit() {
        try (CrawlStores stores = CrawlStores.open(config(StateConfig.Store.ROCKSDB), replica)) {
            assertThat(stores.store()).isInstanceOf(ReplicatedFrontierStore.class);
            stores.store().push(new CrawlUrl("http://news.test/a", "http://news.test", 1, null, Via.LINK, 0, 0));
            stores.store().checkpoint(0).run();
            assertThat(applied).containsExactly("http://news.test/a");
        }
        try (CrawlStores stores = CrawlStores.open(config(StateConfig.Store.ROCKSDB), null)) {
            assertThat(stores.store()).as("the queue itself is in the state").isInstanceOf(RocksFrontierStore.class);
            assertThat(stores.store().size()).isEqualTo(1);
        }
    }

    @Test
    void theMemoryStoreIgnoresTheReplica() {
        try (CrawlStores stores = CrawlStores.open(config(StateConfig.Store.MEMORY), replica)) {
            assertThat(stores.store()).isNotInstanceOf(ReplicatedFrontierStore.class);
        }
    }
}
