package io.herald.politeness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clocks of one server's origins ({@code http://a}, {@code https://a:8443}), paced as one: they share the
 * in-flight count, the largest gap of any of them applies to all, and a fixed delay on any of them keeps the
 * whole server at one request in flight.
 */
final class ServerClock {
    private final Map<String, HostClock> origins = new LinkedHashMap<>(2);

    void add(String hostKey, HostClock clock) {
        origins.put(hostKey, clock);
    }

    /** The host keys of the server's origins, in the order they were met. */
    List<String> hostKeys() {
        return List.copyOf(origins.keySet());
    }

    int inFlight() {
        int inFlight = 0;
        for (HostClock origin : origins.values()) {
            inFlight += origin.inFlight();
        }
        return inFlight;
    }

    /** One request at a time while a fixed delay applies to any origin; else {@code perHostConcurrency}. */
    int inFlightLimit(int perHostConcurrency) {
        for (HostClock origin : origins.values()) {
            if (origin.delay().oneAtATime()) {
                return 1;
            }
        }
        return perHostConcurrency;
    }

    /** The largest gap any origin is owed, in ms. */
    long gapMillis() {
        long gap = 0;
        for (HostClock origin : origins.values()) {
            gap = Math.max(gap, origin.delay().millis());
        }
        return gap;
    }

    /**
     * When the server may get its next request: the latest due time of its origins (set by ends, parks,
     * Retry-After), and the last start of any of them + the gap now owed, so starts are spaced whatever the
     * concurrency (with the gap as it stands, so a backoff that has decayed no longer counts).
     */
    long dueAt() {
        long dueAt = 0;
        long lastStart = Long.MIN_VALUE;
        for (HostClock origin : origins.values()) {
            dueAt = Math.max(dueAt, origin.dueAt());
            lastStart = Math.max(lastStart, origin.lastStartAt());
        }
        return lastStart == Long.MIN_VALUE ? dueAt : Math.max(dueAt, lastStart + gapMillis());
    }
}
