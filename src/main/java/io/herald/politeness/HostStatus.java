package io.herald.politeness;

import io.vertx.core.json.JsonObject;

/** A host's politeness state as {@code /status} shows it to an operator. */
final class HostStatus {
    private HostStatus() {
    }

    /**
     * @param dueAt       when the host's server may get its next request (clock millis)
     * @param maxInFlight the server's in-flight limit now: 1 while a fixed delay applies, else perHostConcurrency
     */
    static JsonObject describe(HostState slot, long now, long dueAt, int maxInFlight, String ip) {
        JsonObject robots = new JsonObject()
                .put("state", robotsState(slot.robots))
                .put("url", slot.robots.url())
                .put("ageMs", slot.robots.fetchedAt() == 0 ? null : now - slot.robots.fetchedAt())
                .put("truncated", slot.robots.truncated())
                .put("crawlDelayMs", slot.robots.crawlDelay().toMillis());
        return new JsonObject()
                .put("requests", slot.requests)
                .put("robotsBlocked", slot.robotsBlocked)
                .put("robots", robots)
                .put("delayMs", slot.clock.delay().millis())
                .put("delayReason", slot.clock.delay().reason().label())
                .put("dueInMs", Math.max(0, dueAt - now))
                .put("inFlight", slot.clock.inFlight())
                .put("maxInFlight", maxInFlight)
                .put("consecutiveFailures", slot.clock.consecutiveFailures())
                .put("parks", slot.clock.parks())
                .put("lastOutcome", slot.lastOutcome)
                .put("serverMs", Math.round(Math.max(0, slot.clock.smoothedServerMillis())))
                .put("ip", ip)
                .put("skipped", slot.robots.skipReason());
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
