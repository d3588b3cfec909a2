package io.herald.monitor;

import io.herald.model.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

/**
 * Logs one line of progress every interval: what a person watching the console wants to see. The counts are
 * this run's; a resumed crawl's line ends with the whole crawl's.
 */
public final class ProgressVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger("herald.progress");

    private final CrawlStats stats;
    private final Duration interval;
    private final long maxPages;

    /** @param maxPages the crawl's page budget ({@code crawl.maxPages}): the line ends with when it will be spent */
    public ProgressVerticle(CrawlStats stats, Duration interval, long maxPages) {
        this.stats = stats;
        this.interval = interval;
        this.maxPages = maxPages;
    }

    @Override
    public Future<?> start() {
        if (!interval.isZero()) {
            vertx.setPeriodic(interval.toMillis(), id -> report());
        }
        return Future.succeededFuture();
    }

    private void report() {
        vertx.eventBus().<JsonObject>request(Addresses.FRONTIER_STATUS, null)
                .onSuccess(reply -> {
                    JsonObject counters = stats.counters();
                    LOG.info(line(counters, reply.body()) + "  " + eta(counters, reply.body())
                            + (stats.earlier().runs() > 0 ? crawlSoFar(stats.totals()) : ""));
                })
                .onFailure(e -> LOG.warn("no frontier status: {}", e.getMessage()));
    }

    static String line(JsonObject counters, JsonObject frontier) {
        long seconds = counters.getLong("elapsedMs") / 1000;
        JsonObject outcomes = counters.getJsonObject("pageOutcomes");
        long errors = outcomes.fieldNames().stream().filter(k -> !k.equals("fetched") && !k.equals("redirect"))
                .mapToLong(outcomes::getLong).sum();
        return String.format(Locale.ROOT,
                "[%02d:%02d] fetched %d  articles %d  queued %d  in flight %d  hosts %d  errors %d  robots-blocked %d  %.1f pages/s",
                seconds / 60, seconds % 60, counters.getLong("pagesFetched"), counters.getLong("articlesWritten"),
                frontier.getLong("queued"), frontier.getInteger("pagesInFlight"), frontier.getInteger("hostCount"),
                errors, frontier.getLong("robotsBlocked"), counters.getDouble("pagesPerSecond"));
    }

    /** Until {@code maxPages} page requests have started, at this run's rate. */
    String eta(JsonObject counters, JsonObject frontier) {
        return Eta.format(Eta.seconds(maxPages, frontier.getLong("pagesStarted", 0L), counters.getDouble("pagesPerSecond")));
    }

    /** For a resumed crawl: the whole crawl's fetched pages and articles after this run's line. */
    static String crawlSoFar(JsonObject totals) {
        return String.format(Locale.ROOT, "  · crawl (run %d): fetched %d  articles %d",
                totals.getLong("runs"), totals.getLong("pagesFetched"), totals.getLong("articlesWritten"));
    }
}
