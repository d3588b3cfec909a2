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
    Robots robots = Robots.UNKNOWN;
    BaseRobotRules rules;
    String robotsUrl;
    int robotsRedirects;
    int robotsFailures;
    long robotsRetryAt;
    long robotsFetchedAt;
    Duration crawlDelay = Duration.ZERO;

    int inFlight;
    long requests;
    long dueAt;
    long lastRequestAt = -1;
    double smoothedResponseMillis = -1;
    int consecutiveFailures;
    Duration effectiveDelay = Duration.ZERO;
    String delayReason = "configured";
    String lastOutcome;

    HostSlot(String hostKey) {
        this.hostKey = hostKey;
        this.robotsUrl = hostKey + "/robots.txt";
    }

    /** Folds one response time into an exponentially weighted mean (weight 0.3 for the newest). */
    void observeResponse(Duration elapsed) {
        double ms = elapsed.toNanos() / 1_000_000.0;
        smoothedResponseMillis = smoothedResponseMillis < 0 ? ms : 0.7 * smoothedResponseMillis + 0.3 * ms;
    }
}
