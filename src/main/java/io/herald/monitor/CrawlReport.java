package io.herald.monitor;

import java.time.Instant;

/**
 * This run's counters and the whole crawl's, read at one moment (so a new crawl's {@code total} equals
 * {@code run}): what {@code summary.json}, {@code /status} and the progress line show.
 *
 * @param run            this run's counters
 * @param startedAt      when this run started
 * @param total          the whole crawl's counters: the earlier runs plus this one
 * @param runs           runs of the crawl, this one included
 * @param firstStartedAt when the crawl's first run started, or null if unknown
 */
public record CrawlReport(CrawlCounters run, Instant startedAt, CrawlCounters total, long runs, Instant firstStartedAt) {
}
