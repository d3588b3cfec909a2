package io.herald.model;

/**
 * A continuous crawl's discovery latency: from a new story's link first seen on a hub revisit to its article
 * written. Shown in {@code /status} under {@code frontier.discoveryLatency}.
 *
 * @param count      articles measured this run
 * @param p50Seconds median of the latest samples
 * @param p90Seconds 90th percentile of the latest samples
 * @param maxSeconds the longest this run
 */
public record LatencySummary(long count, double p50Seconds, double p90Seconds, double maxSeconds) {
    /** Nothing measured yet. */
    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0);
}
