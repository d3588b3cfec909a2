package io.herald.monitor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The crawl's counters ({@link CrawlReport}; as JSON through {@link StatusJson}), read from the meters the stages register:
 * {@code herald.fetch.outcomes{kind,outcome}}, {@code herald.frontier.urls{event}},
 * {@code herald.extract.pages{type}} and {@code herald.sink.articles{result}}, and per-site extraction
 * completeness from {@code herald.extract.fields{host,field,present}}.
 *
 * <p>{@link #counters()} is this run; {@link #totals()} is the whole crawl: the {@link CrawlHistory} of its
 * earlier runs plus this run, in the same shape. {@link #history()} is what a checkpoint remembers for the next
 * run. Thread-safe: every read goes to the Micrometer registry.
 */
public final class CrawlStats {
    /** Articles whose lines the sink has synced to disk (a function counter the sink registers). */
    public static final String SYNCED_ARTICLES = "herald.sink.articles.synced";
    private static final Map<String, String> WRITTEN = Map.of("result", "written");

    private final MeterRegistry registry;
    private final Clock clock;
    private final long startedAt;
    private final RecentErrors recentErrors;
    private volatile CrawlHistory earlier;
    private volatile String fault;

    /** @param earlier what the crawl's earlier runs did ({@link CrawlHistory#none()}: the totals are this run's) */
    public CrawlStats(MeterRegistry registry, Clock clock, CrawlHistory earlier) {
        this.registry = registry;
        this.clock = clock;
        this.startedAt = clock.millis();
        this.earlier = earlier;
        this.recentErrors = new RecentErrors(clock);
    }

    /** The last failed requests of this run, which the fetch slots record and {@code /status} shows. */
    public RecentErrors recentErrors() {
        return recentErrors;
    }

    /** Records why the crawl is stopping on a fault (the output or the state cannot be written); /health reports it. */
    public void fault(String reason) {
        this.fault = reason;
    }

    /** The fault the crawl is stopping on, or null. */
    public String fault() {
        return fault;
    }

    /** This run's counters, the crawl's, and when each started, read at one moment. */
    public CrawlReport snapshot() {
        CounterSnapshot now = CounterSnapshot.of(registry);
        long elapsed = elapsedMillis();
        CrawlHistory total = earlier.plusRun(startedAt(), elapsed, now);
        return new CrawlReport(CrawlCounters.of(now, elapsed), startedAt(),
                CrawlCounters.of(total.counters(), total.elapsedMs()), total.runs(), total.firstStartedAt());
    }

    /** This run's counters as {@code /status} shows them. */
    public JsonObject counters() {
        return StatusJson.counters(snapshot().run());
    }

    /**
     * The whole crawl so far (earlier runs and this one), in the shape of {@link #counters()} plus {@code runs}
     * and {@code firstStartedAt} (null if unknown).
     */
    public JsonObject totals() {
        return StatusJson.total(snapshot());
    }

    /**
     * This run's counters, its {@code startedAt}, and the whole crawl's under {@code total}, all read at one moment
     * (so a new crawl's {@code total} equals this run's counters): what {@code summary.json} and {@code /status} show.
     */
    public JsonObject report() {
        return StatusJson.report(snapshot());
    }

    /**
     * The history to remember at a checkpoint: earlier runs plus this run as of now, counting as written only the
     * articles whose lines are synced to disk (once the sink has registered {@link #SYNCED_ARTICLES}).
     */
    public CrawlHistory history() {
        CounterSnapshot now = CounterSnapshot.of(registry);
        FunctionCounter synced = registry.find(SYNCED_ARTICLES).functionCounter();
        if (synced != null) {
            now = now.with("herald.sink.articles", WRITTEN, (long) synced.count());
        }
        return earlier.plusRun(startedAt(), elapsedMillis(), now);
    }

    /**
     * Tells the stats how many articles the output folder held when this run started, once the sink has read it:
     * the earlier runs wrote at least that many (a kill after a checkpoint leaves lines its history did not count).
     */
    public void articlesInOutput(long articles) {
        earlier = earlier.withArticlesAtLeast(articles);
    }

    /**
     * Registers gauges of the whole crawl ({@code herald.crawl.runs}, {@code herald.crawl.pages.fetched},
     * {@code herald.crawl.articles.written}) for dashboards. The {@code herald.*} counters stay this run's, as
     * Prometheus expects of a counter: it starts at 0 with the process, and {@code rate()} treats a drop as a restart.
     */
    public void registerCrawlGauges() {
        Gauge.builder("herald.crawl.runs", this, s -> s.snapshot().runs())
                .description("Runs of this crawl, this one included").register(registry);
        Gauge.builder("herald.crawl.pages.fetched", this, s -> s.snapshot().total().pagesFetched())
                .description("Pages fetched by every run of this crawl").register(registry);
        Gauge.builder("herald.crawl.articles.written", this, s -> s.snapshot().total().articlesWritten())
                .description("Articles written by every run of this crawl").register(registry);
    }

    /** What the crawl's earlier runs did. */
    public CrawlHistory earlier() {
        return earlier;
    }

    /** When this run started. */
    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAt);
    }

    public long elapsedMillis() {
        return clock.millis() - startedAt;
    }

    /** Page requests that got any HTTP response (not robots.txt, not network errors). */
    public long pagesFetched() {
        return CrawlCounters.pagesFetched(CounterSnapshot.of(registry));
    }

    /** Page requests answered with anything but 429 or 5xx (not robots.txt, not network errors): /health's progress. */
    public long pagesSucceeded() {
        long[] total = new long[1];
        CounterSnapshot.of(registry).forEach("herald.fetch.outcomes", (key, count) -> {
            String outcome = key.tags().get("outcome");
            if ("page".equals(key.tags().get("kind")) && !outcome.startsWith("network_") && !outcome.equals("http_429")
                    && !outcome.startsWith("http_5")) {
                total[0] += count;
            }
        });
        return total[0];
    }

    public long count(String name, String tag, String value) {
        return CounterSnapshot.of(registry).sum(name, tag, value);
    }
}
