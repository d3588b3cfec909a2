package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.frontier.QueueReplica;
import io.herald.model.CrawlUrl;
import io.herald.testing.ConfigSections;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestSite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole crawl whose queue is kept in a replica (a map standing in for Hazelcast's): while it runs the replica
 * holds queued URLs, and once the crawl is over every URL has been removed again.
 */
@ExtendWith(VertxExtension.class)
class ReplicatedCrawlEndToEndTest {
    @TempDir
    Path tmp;

    /** The replica as a map: puts, then removals, as HazelcastQueueReplica applies them. */
    private static final class MapReplica implements QueueReplica {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        volatile int largest;

        @Override
        public Future<Void> apply(Collection<CrawlUrl> puts, Collection<String> removals) {
            puts.forEach(url -> entries.put(url.url(), url.hostKey()));
            largest = Math.max(largest, entries.size());
            removals.forEach(entries::remove);
            return Future.succeededFuture();
        }
    }

    @Test
    void everyUrlQueuedIsRemovedFromTheReplicaOnceTheCrawlIsOver(Vertx vertx) throws Exception {
        TestSite news = new TestSite(vertx, "127.0.0.5");
        news.start().await(60, TimeUnit.SECONDS);
        List<String> links = new ArrayList<>();
        IntStream.rangeClosed(1, 30).forEach(i -> links.add("/a" + i));
        news.html("/", TestSite.frontPage(links.toArray(String[]::new)));
        for (int i = 1; i <= 30; i++) {
            news.slowHtml("/a" + i, 20, TestSite.article("Story " + i, "Story " + i + " begins here.", "/a" + (i % 30 + 1)));
        }
        CrawlConfig config = ConfigSections.withState(TestConfigs.crawl(List.of(news.url("/")),
                        TestConfigs.politeness(Duration.ZERO, 2), tmp.resolve("out")),
                TestConfigs.rocksState(tmp.resolve("state"), Duration.ofMillis(50)));
        MapReplica replica = new MapReplica();

        CrawlSummary summary = new CrawlRunner(config, null, replica).run().get(60, TimeUnit.SECONDS);

        assertThat(summary.articles()).isEqualTo(30);
        assertThat(replica.largest).as("queued URLs were in the replica while the crawl ran").isPositive();
        assertThat(replica.entries).as("every one done, so removed").isEmpty();
    }
}
