package io.herald.monitor;

import io.herald.testing.FakeClock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic of a crawl's totals: earlier runs plus this one, and what a checkpoint remembers. */
class CrawlTotalsTest {
    private final FakeClock clock = new FakeClock();

    private static void fetched(MeterRegistry r, String outcome, int n) {
        r.counter("herald.fetch.outcomes", "kind", "page", "outcome", outcome).increment(n);
    }

    private static void articles(MeterRegistry r, String result, int n) {
        r.counter("herald.sink.articles", "result", result).increment(n);
    }

    /** One run's counters: {@code pages} fetched, {@code errors} 404s, {@code written} articles, one duplicate. */
    private static MeterRegistry run(int pages, int errors, int written) {
        MeterRegistry r = new SimpleMeterRegistry();
        fetched(r, "fetched", pages);
        fetched(r, "http_404", errors);
        fetched(r, "network_timeout", 1);
        articles(r, "written", written);
        articles(r, "duplicate", 1);
        r.counter("herald.frontier.urls", "event", "robots_blocked").increment(2);
        r.counter("herald.extract.fields", "host", "a.test", "field", "date", "present", "true").increment(written);
        r.counter("vertx.http.client.requests").increment(99); // not Herald's: not remembered
        return r;
    }

    @Test
    void aSnapshotAddsUpAndRoundTripsThroughJson() {
        CounterSnapshot one = CounterSnapshot.of(run(5, 1, 3));
        CounterSnapshot two = CounterSnapshot.of(run(7, 2, 4));
        CounterSnapshot sum = one.plus(two);
        assertThat(sum.get("herald.fetch.outcomes", Map.of("kind", "page", "outcome", "fetched"))).isEqualTo(12);
        assertThat(sum.sum("herald.sink.articles", null, null)).isEqualTo(9);
        assertThat(sum.sum("vertx.http.client.requests", null, null)).isZero();
        assertThat(CounterSnapshot.fromJson(new JsonObject(sum.toJson().encode()))).isEqualTo(sum);
        assertThat(CounterSnapshot.EMPTY.plus(one)).isEqualTo(one);
        assertThatThrownBy(() -> CounterSnapshot.fromJson(new JsonObject().put("herald.x", new JsonObject())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewCrawlsTotalsAreThisRun() {
        CrawlStats stats = new CrawlStats(run(5, 1, 3), clock, CrawlHistory.none());
        clock.advance(Duration.ofSeconds(2));
        JsonObject run = stats.counters();
        JsonObject total = stats.totals();
        assertThat(total.getLong("runs")).isEqualTo(1);
        assertThat(total.getString("firstStartedAt")).isEqualTo(stats.startedAt().toString());
        total.remove("runs");
        total.remove("firstStartedAt");
        assertThat(total).isEqualTo(run);
        assertThat(run.getLong("pagesFetched")).isEqualTo(6); // a network error got no response
    }

    @Test
    void aResumedCrawlsTotalsAreEarlierRunsPlusThisOne() {
        Instant first = Instant.parse("2026-11-29T04:15:00Z");
        CrawlHistory earlier = CrawlHistory.none().plusRun(first, 10_000, CounterSnapshot.of(run(5, 1, 3)))
                .plusRun(first.plusSeconds(60), 4_000, CounterSnapshot.of(run(2, 0, 1)));
        CrawlStats stats = new CrawlStats(run(7, 2, 4), clock, CrawlHistory.fromJson(earlier.toJson()));
        clock.advance(Duration.ofSeconds(6));
        JsonObject total = stats.totals();
        assertThat(total.getLong("runs")).isEqualTo(3);
        assertThat(total.getString("firstStartedAt")).isEqualTo("2026-11-29T04:15:00Z");
        assertThat(total.getLong("elapsedMs")).isEqualTo(20_000);
        assertThat(total.getLong("pagesFetched")).isEqualTo(6 + 2 + 9);
        assertThat(total.getDouble("pagesPerSecond")).isEqualTo(0.9); // 17 pages in 20 s
        assertThat(total.getLong("articlesWritten")).isEqualTo(8);
        assertThat(total.getJsonObject("pageOutcomes").getMap()).containsEntry("http_404", 3L).containsEntry("network_timeout", 3L);
        assertThat(total.getJsonObject("articles").getLong("duplicate")).isEqualTo(3);
        assertThat(total.getJsonObject("urls").getLong("robots_blocked")).isEqualTo(6);
        assertThat(total.getJsonObject("completeness").getJsonObject("a.test").getDouble("date")).isEqualTo(1.0);
        assertThat(stats.counters().getLong("pagesFetched")).as("this run alone").isEqualTo(9);
    }

    @Test
    void aCheckpointRemembersOnlyTheArticlesWhoseLinesAreSynced() {
        MeterRegistry registry = run(7, 2, 4);
        AtomicLong synced = new AtomicLong(3);
        FunctionCounter.builder(CrawlStats.SYNCED_ARTICLES, synced, AtomicLong::get).register(registry);
        CrawlHistory earlier = CrawlHistory.none().plusRun(Instant.EPOCH, 1000, CounterSnapshot.of(run(5, 1, 3)));
        CrawlStats stats = new CrawlStats(registry, clock, earlier);
        clock.advance(Duration.ofSeconds(1));
        CrawlHistory history = stats.history();
        assertThat(history.runs()).isEqualTo(2);
        assertThat(history.elapsedMs()).isEqualTo(2000);
        assertThat(history.articlesWritten()).isEqualTo(3 + 3);
        assertThat(history.counters().sum("herald.fetch.outcomes", "outcome", "fetched")).isEqualTo(12);
        assertThat(stats.totals().getLong("articlesWritten")).as("the live view counts every line written").isEqualTo(7);
    }

    @Test
    void linesInTheOutputBeyondTheHistoryCountAsWrittenByEarlierRuns() {
        CrawlHistory earlier = CrawlHistory.none().plusRun(Instant.EPOCH, 1000, CounterSnapshot.of(run(5, 1, 3)));
        CrawlStats stats = new CrawlStats(run(1, 0, 1), clock, earlier);
        stats.articlesInOutput(2); // fewer: files picked up by a downstream job; the history is right
        assertThat(stats.totals().getLong("articlesWritten")).isEqualTo(3 + 1);
        stats.articlesInOutput(5); // more: lines written after the last checkpoint of a killed run
        assertThat(stats.totals().getLong("articlesWritten")).isEqualTo(5 + 1);
        assertThat(stats.totals().getJsonObject("articles").getLong("duplicate")).isEqualTo(2);
    }

    @Test
    void aNewCrawlsReportReadsRunAndTotalAtOneMoment() {
        CrawlStats stats = new CrawlStats(run(5, 1, 3), clock, CrawlHistory.none());
        clock.advance(Duration.ofSeconds(2));
        JsonObject report = stats.report();
        JsonObject total = report.getJsonObject("total");
        assertThat(total.getString("firstStartedAt")).isEqualTo(report.getString("startedAt"));
        for (String key : stats.counters().fieldNames()) {
            assertThat(total.getValue(key)).as(key).isEqualTo(report.getValue(key));
        }
    }

    @Test
    void aStateWithoutHistoryHasAnUnknownFirstStart() {
        CrawlStats stats = new CrawlStats(run(1, 0, 1), clock, CrawlHistory.unknown());
        assertThat(stats.totals().getValue("firstStartedAt")).isNull();
        assertThat(stats.totals().getLong("runs")).as("the earlier runs count as one").isEqualTo(2);
        assertThat(CrawlHistory.fromJson(stats.history().toJson()).firstStartedAt()).isNull();
    }

    @Test
    void gaugesShowTheWholeCrawlForDashboards() {
        MeterRegistry registry = run(7, 2, 4);
        CrawlHistory earlier = CrawlHistory.none().plusRun(Instant.EPOCH, 1000, CounterSnapshot.of(run(5, 1, 3)));
        new CrawlStats(registry, clock, earlier).registerCrawlGauges();
        assertThat(registry.get("herald.crawl.runs").gauge().value()).isEqualTo(2);
        assertThat(registry.get("herald.crawl.pages.fetched").gauge().value()).isEqualTo(6 + 9);
        assertThat(registry.get("herald.crawl.articles.written").gauge().value()).isEqualTo(7);
        assertThat(CounterSnapshot.of(registry).sum("herald.crawl.runs", null, null)).as("gauges are not counters").isZero();
    }
}
