package io.herald.monitor;

import io.herald.model.Addresses;
import io.herald.model.FrontierStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
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
        vertx.eventBus().<FrontierStatus>request(Addresses.FRONTIER_STATUS, null)
                .onSuccess(reply -> {
                    CrawlReport now = stats.snapshot();
                    LOG.info(line(now.run(), reply.body()) + eta(maxPages, now.run(), reply.body())
                            + (stats.earlier().runs() > 0 ? crawlSoFar(now) : ""));
                })
                .onFailure(e -> LOG.warn("no frontier status: {}", e.getMessage()));
    }

    static String line(CrawlCounters run, FrontierStatus frontier) {
        long seconds = run.elapsedMs() / 1000;
        return String.format(Locale.ROOT,
                "[%02d:%02d] fetched %d  articles %d  queued %d  in flight %d  hosts %d  errors %d  robots-blocked %d  %.1f pages/s",
                seconds / 60, seconds % 60, run.pagesFetched(), run.articlesWritten(),
                frontier.queued(), frontier.pagesInFlight(), frontier.hostCount(),
                run.pageErrors(), frontier.robotsBlocked(), run.pagesPerSecond());
    }

    /**
     * Until {@code maxPages} page requests have started, at this run's rate; nothing while the URLs known so far
     * cannot reach the budget, since then the crawl ends when its queue empties, at a time no one can tell
     * (an ETA of hours for the demo's 25-second crawl would mislead).
     */
    static String eta(long maxPages, CrawlCounters run, FrontierStatus frontier) {
        if (frontier.pagesStarted() + frontier.queued() < maxPages) {
            return "";
        }
        return "  " + Eta.format(Eta.seconds(maxPages, frontier.pagesStarted(), run.pagesPerSecond()));
    }

    /** For a resumed crawl: the whole crawl's fetched pages and articles after this run's line. */
    static String crawlSoFar(CrawlReport report) {
        return String.format(Locale.ROOT, "  · crawl (run %d): fetched %d  articles %d",
                report.runs(), report.total().pagesFetched(), report.total().articlesWritten());
    }
}
