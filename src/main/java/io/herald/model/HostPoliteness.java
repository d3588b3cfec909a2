package io.herald.model;

import java.util.Objects;

/**
 * A host's politeness state at one moment, as the politeness gate describes it to an operator.
 *
 * @param requests            requests sent to the host, robots.txt included (across runs of a crawl)
 * @param robotsBlocked       the host's links robots.txt refused
 * @param robots              the state of its robots.txt
 * @param delayMs             the gap kept between requests to the host now
 * @param delayReason         why that gap: configured, crawl-delay, adaptive, backoff, retry-after, parked…
 * @param dueInMs             how long until the host's server may get its next request (0: now)
 * @param inFlight            requests to the host under way
 * @param maxInFlight         the in-flight limit now: 1 while a fixed delay applies, else the per-host concurrency
 * @param consecutiveFailures transient failures in a row (reset by a success)
 * @param parks               times the host was parked after failures
 * @param lastOutcome         the outcome of its last request, or null before the first
 * @param serverMs            smoothed server time of its responses (0 before the first)
 * @param ip                  the address the per-IP gap counts it under, or null when not known or not used
 * @param skipped             why the host is skipped (no more requests), or null
 */
public record HostPoliteness(long requests, long robotsBlocked, RobotsView robots, long delayMs, String delayReason,
                             long dueInMs, int inFlight, int maxInFlight, int consecutiveFailures, int parks,
                             String lastOutcome, long serverMs, String ip, String skipped) {
    public HostPoliteness {
        Objects.requireNonNull(robots, "robots");
    }

    /**
     * A host's robots.txt as the gate holds it.
     *
     * @param state        fetched / 4xx-allow / redirect-allow / 5xx-deferred / fetching / refreshing / pending / given-up
     * @param url          the robots.txt URL, or null before it was asked for
     * @param ageMs        time since it was fetched, or null if never
     * @param truncated    whether it was cut at the size limit
     * @param crawlDelayMs the Crawl-delay it asks for (0: none)
     */
    public record RobotsView(String state, String url, Long ageMs, boolean truncated, long crawlDelayMs) {
    }
}
