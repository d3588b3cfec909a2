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
    static HostPoliteness describe(HostState slot, long now, long dueAt, int maxInFlight, String ip) {
        HostRobots r = slot.robots;
        HostClock c = slot.clock;
        HostPoliteness.RobotsView robots = new HostPoliteness.RobotsView(robotsState(r), r.url(),
                r.fetchedAt() == 0 ? null : now - r.fetchedAt(), r.truncated(), r.crawlDelay().toMillis());
        return new HostPoliteness(slot.requests, slot.robotsBlocked, robots, c.delay().millis(),
                c.delay().reason().label(), Math.max(0, dueAt - now), c.inFlight(), maxInFlight,
                c.consecutiveFailures(), c.parks(), slot.lastOutcome, Math.round(Math.max(0, c.smoothedServerMillis())),
                ip, r.skipReason());
    }

    /** fetched / 4xx-allow / redirect-allow / 5xx-deferred / fetching / pending / given-up. */
    private static String robotsState(HostRobots slot) {
        switch (slot.stage()) {
            case READY:
                return slot.source();
            case UNREACHABLE:
                return "5xx-deferred";
            case FETCHING:
                return slot.rules() == null ? "fetching" : "refreshing";
            case GIVEN_UP:
                return "given-up";
            default:
                return slot.rules() == null ? "pending" : slot.source();
        }
    }
}
