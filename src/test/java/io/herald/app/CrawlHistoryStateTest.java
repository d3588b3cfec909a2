package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.StateConfig;
import io.herald.monitor.CrawlHistory;
import io.herald.monitor.CrawlStats;
import io.herald.testing.FakeClock;
import io.herald.testing.TestConfigs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.herald.testing.ConfigSections.withState;
import static org.assertj.core.api.Assertions.assertThat;

/** The crawl's history in its RocksDB state: written at start and with each checkpoint, read on resume. */
class CrawlHistoryStateTest {
    private final FakeClock clock = new FakeClock();

    @TempDir
    Path tmp;

    private CrawlConfig config(StateConfig.Store store) {
        return withState(TestConfigs.crawl(List.of("http://news.test/"), TestConfigs.politeness(Duration.ZERO, 1),
                        tmp.resolve("out")),
                new StateConfig(tmp.resolve("state"), store, 100, 8 << 20, 1 << 20, Duration.ofSeconds(1)));
    }

    /** One run as CrawlRunner does it: history recorded at start, then {@code pages} fetched and checkpointed. */
    private CrawlStats run(StateConfig.Store store, int pages, boolean checkpoint) {
        try (CrawlStores state = CrawlStores.open(config(store))) {
            MeterRegistry registry = new SimpleMeterRegistry();
            CrawlStats stats = new CrawlStats(registry, clock, state.earlierRuns());
            state.saveHistory(stats.history(), true);
            registry.counter("herald.fetch.outcomes", "kind", "page", "outcome", "fetched").increment(pages);
            registry.counter("herald.sink.articles", "result", "written").increment(pages - 1);
            clock.advance(Duration.ofSeconds(pages));
            if (checkpoint) { // what the frontier's checkpoint does: stage, then the store's commit flushes
                state.saveHistory(stats.history(), false);
                state.store().checkpoint(pages).run();
            }
            return stats;
        }
    }

    private CrawlHistory stored(StateConfig.Store store) {
        try (CrawlStores state = CrawlStores.open(config(store))) {
            return state.earlierRuns();
        }
    }

    @Test
    void eachRunAddsItsCheckpointedCountsAndTheFirstStartIsKept() {
        CrawlStats first = run(StateConfig.Store.ROCKSDB, 5, true);
        CrawlHistory one = stored(StateConfig.Store.ROCKSDB);
        assertThat(one.runs()).isEqualTo(1);
        assertThat(one.firstStartedAt()).isEqualTo(first.startedAt());
        assertThat(one.elapsedMs()).isEqualTo(5000);
        assertThat(one.articlesWritten()).isEqualTo(4);

        CrawlStats second = run(StateConfig.Store.ROCKSDB, 3, true);
        JsonObject total = second.totals();
        assertThat(total.getLong("runs")).isEqualTo(2);
        assertThat(total.getLong("pagesFetched")).isEqualTo(8);
        assertThat(total.getLong("articlesWritten")).isEqualTo(6);
        CrawlHistory two = stored(StateConfig.Store.ROCKSDB);
        assertThat(two).isEqualTo(second.history());
        assertThat(two.runs()).isEqualTo(2);
        assertThat(two.firstStartedAt()).isEqualTo(first.startedAt());
        assertThat(two.elapsedMs()).isEqualTo(8000);
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointCountsAsARunWithNothingDone() {
        run(StateConfig.Store.ROCKSDB, 5, true);
        run(StateConfig.Store.ROCKSDB, 4, false);
        CrawlHistory history = stored(StateConfig.Store.ROCKSDB);
        assertThat(history.runs()).isEqualTo(2);
        assertThat(history.counters().sum("herald.fetch.outcomes", null, null)).isEqualTo(5);
    }

    @Test
    void theMemoryStoreRemembersNothing() {
        run(StateConfig.Store.MEMORY, 5, true);
        CrawlStats again = run(StateConfig.Store.MEMORY, 3, true);
        assertThat(again.totals().getLong("runs")).isEqualTo(1);
        assertThat(again.totals().getLong("pagesFetched")).isEqualTo(3);
        assertThat(stored(StateConfig.Store.MEMORY)).isEqualTo(CrawlHistory.none());
    }

    @Test
    void aStateThatHasCrawledButHasNoHistoryHasAnUnknownStart() {
        try (CrawlStores state = CrawlStores.open(config(StateConfig.Store.ROCKSDB))) {
            state.seen().add("http://news.test/");
        }
        CrawlHistory history = stored(StateConfig.Store.ROCKSDB);
        assertThat(history).isEqualTo(CrawlHistory.unknown());
    }
}
