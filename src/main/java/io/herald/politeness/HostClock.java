package io.herald.politeness;

import java.time.Duration;

/**
 * One host's clock: requests in flight, when the next may start, when the last one did, the failures and
 * backoff that stretch the gap, parks, the server's smoothed time and the {@link Delay} owed now. The origins
 * of one server are paced together by a {@link ServerClock} over their clocks. Mutable, one thread.
 */
final class HostClock {
    private int inFlight;
    /** No request before this (clock millis): set by the end of a response, a park, robots rules, a restart. */
    private long dueAt;
    /** When the last request to this origin started; {@link Long#MIN_VALUE} before the first. */
    private long lastStartAt = Long.MIN_VALUE;
    /** The server's smoothed time (request written to response head), or negative before any was measured. */
    private double smoothedServerMillis = -1;
    private int consecutiveFailures;
    /** Steps of backoff: up one per failure, halved by each success, so it decays rather than vanishes. */
    private int backoffLevel;
    private int parks;
    private Delay delay = Delay.NONE;

    void started(long now) {
        inFlight++;
        lastStartAt = now;
    }

    /**
     * A request ended: one fewer in flight, its server time folded in, and a failure raises the backoff by a
     * step while a success halves it and forgets failures and parks.
     */
    void ended(Duration serverTime, boolean failure) {
        inFlight = Math.max(0, inFlight - 1);
        observeServerTime(serverTime);
        if (failure) {
            consecutiveFailures++;
            backoffLevel++;
        } else {
            consecutiveFailures = 0;
            backoffLevel /= 2;
            parks = 0;
        }
    }

    /**
     * Folds one server time into an exponentially weighted mean (weight 0.3 for the newest); null (no request
     * reached the server) changes nothing.
     */
    private void observeServerTime(Duration serverTime) {
        if (serverTime == null) {
            return;
        }
        double ms = serverTime.toNanos() / 1_000_000.0;
        smoothedServerMillis = smoothedServerMillis < 0 ? ms : 0.7 * smoothedServerMillis + 0.3 * ms;
    }

    /** No request before {@code at}; an earlier due time never replaces a later one. */
    void notBefore(long at) {
        dueAt = Math.max(dueAt, at);
    }

    void owe(Delay delay) {
        this.delay = delay;
    }

    /**
     * Counts a park; the host then gets one probe before the next park, not a new series of failures.
     *
     * @return parks since the last success, this one included
     */
    int park(int failuresBeforePark) {
        parks++;
        consecutiveFailures = failuresBeforePark - 1;
        return parks;
    }

    /** Counters and server time as an earlier run saved them. */
    void restore(int backoffLevel, int consecutiveFailures, int parks, double smoothedServerMillis) {
        this.backoffLevel = backoffLevel;
        this.consecutiveFailures = consecutiveFailures;
        this.parks = parks;
        this.smoothedServerMillis = smoothedServerMillis;
    }

    int inFlight() {
        return inFlight;
    }

    long dueAt() {
        return dueAt;
    }

    long lastStartAt() {
        return lastStartAt;
    }

    double smoothedServerMillis() {
        return smoothedServerMillis;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    int backoffLevel() {
        return backoffLevel;
    }

    int parks() {
        return parks;
    }

    Delay delay() {
        return delay;
    }
}
