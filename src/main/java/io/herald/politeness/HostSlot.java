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
    long dueAt;
    double smoothedResponseMillis = -1;
    int consecutiveFailures;
    /** Steps of backoff: up one per failure, halved by each success, so it decays rather than vanishes. */
    int backoffLevel;
    int parks;
    Duration effectiveDelay = Duration.ZERO;
    String delayReason = "configured";
    String lastOutcome;

    HostSlot(String hostKey) {
        this.hostKey = hostKey;
        this.robotsUrl = hostKey + "/robots.txt";
        String host = java.net.URI.create(hostKey).getHost();
        this.serverName = host == null ? hostKey : host.toLowerCase(java.util.Locale.ROOT);
    }

    /** Folds one response time into an exponentially weighted mean (weight 0.3 for the newest). */
    void observeResponse(Duration elapsed) {
        double ms = elapsed.toNanos() / 1_000_000.0;
        smoothedResponseMillis = smoothedResponseMillis < 0 ? ms : 0.7 * smoothedResponseMillis + 0.3 * ms;
    }

    void giveUp(String reason) {
        robots = Robots.GIVEN_UP;
        skipReason = reason;
    }
}
