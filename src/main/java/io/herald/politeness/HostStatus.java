package io.herald.politeness;

import io.herald.model.HostPoliteness;

/** A host's politeness state as {@code /status} shows it to an operator. */
final class HostStatus {
    private HostStatus() {
    }

    /**
     * @param dueAt       when the host's server may get its next request (clock millis)
     * @param maxInFlight the server's in-flight limit now: 1 while a fixed delay applies, else perHostConcurrency
     */
    static HostPoliteness describe(HostSlot slot, long now, long dueAt, int maxInFlight, String ip) {
        HostPoliteness.RobotsView robots = new HostPoliteness.RobotsView(robotsState(slot), slot.robotsUrl,
                slot.robotsFetchedAt == 0 ? null : now - slot.robotsFetchedAt, slot.robotsTruncated,
                slot.crawlDelay.toMillis());
        return new HostPoliteness(slot.requests, slot.robotsBlocked, robots, slot.effectiveDelay.toMillis(),
                slot.delayReason, Math.max(0, dueAt - now), slot.inFlight, maxInFlight, slot.consecutiveFailures,
                slot.parks, slot.lastOutcome, Math.round(Math.max(0, slot.smoothedServerMillis)), ip, slot.skipReason);
    }

    /** fetched / 4xx-allow / redirect-allow / 5xx-deferred / fetching / pending / given-up. */
    private static String robotsState(HostSlot slot) {
        switch (slot.robots) {
            case READY:
                return slot.robotsSource;
            case UNREACHABLE:
                return "5xx-deferred";
            case FETCHING:
                return slot.rules == null ? "fetching" : "refreshing";
            case GIVEN_UP:
                return "given-up";
            default:
                return slot.rules == null ? "pending" : slot.robotsSource;
        }
    }
}
