package io.herald.politeness;

import crawlercommons.robots.BaseRobotRules;

import java.time.Duration;

/**
 * Everything politeness knows about one host ({@code scheme://host:port}). Mutable, owned by one
 * {@link PolitenessGate} and touched from one thread only.
 */
final class HostSlot {
    enum Robots { UNKNOWN, FETCHING, READY, UNREACHABLE, GIVEN_UP }

    final String hostKey;
    /** The host name: origins that differ only in scheme or port are one server and share its clock. */
    final String serverName;
    Robots robots = Robots.UNKNOWN;
    BaseRobotRules rules;
    /** How the current rules came about: fetched, 4xx-allow, redirect-allow. */
    String robotsSource;
    boolean robotsTruncated;
    String robotsUrl;
    int robotsRedirects;
    int robotsFailures;
    long robotsRetryAt;
    long robotsFetchedAt;
    Duration crawlDelay = Duration.ZERO;
    /** Rules restored from an earlier run whose Sitemap: lines the frontier has not been told about yet. */
    boolean sitemapsToAnnounce;
    /** Why the host gets no more requests, once it gets none; null while it is crawled. */
    String skipReason;

    int inFlight;
    long requests;
    long robotsBlocked;
    /** No request before this (clock millis): set by the end of a response, a park, robots rules. */
    long dueAt;
    /** When the last request to this origin started; {@link Long#MIN_VALUE} before the first. */
    long lastStartAt = Long.MIN_VALUE;
    /** The server's smoothed time (request written to response head), or negative before any was measured. */
    double smoothedServerMillis = -1;
    int consecutiveFailures;
    /** Steps of backoff: up one per failure, halved by each success, so it decays rather than vanishes. */
    int backoffLevel;
    int parks;
    Duration effectiveDelay = Duration.ZERO;
    /**
     * The part of {@link #effectiveDelay} that is not adaptive (configured delay, Crawl-delay, Retry-After,
     * backoff, park): when positive the host has one request in flight at a time.
     */
    Duration fixedDelay = Duration.ZERO;
    String delayReason = "configured";
    String lastOutcome;

    HostSlot(String hostKey) {
        this.hostKey = hostKey;
        this.robotsUrl = hostKey + "/robots.txt";
        String host = java.net.URI.create(hostKey).getHost();
        this.serverName = host == null ? hostKey : host.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Folds one server time into an exponentially weighted mean (weight 0.3 for the newest); null (no request
     * reached the server) changes nothing.
     */
    void observeServerTime(Duration serverTime) {
        if (serverTime == null) {
            return;
        }
        double ms = serverTime.toNanos() / 1_000_000.0;
        smoothedServerMillis = smoothedServerMillis < 0 ? ms : 0.7 * smoothedServerMillis + 0.3 * ms;
    }

    void giveUp(String reason) {
        robots = Robots.GIVEN_UP;
        skipReason = reason;
    }
}
