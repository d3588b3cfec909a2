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
    static JsonObject describe(HostSlot slot, long now, long dueAt, int maxInFlight, String ip) {
        JsonObject robots = new JsonObject()
                .put("state", robotsState(slot))
                .put("url", slot.robotsUrl)
                .put("ageMs", slot.robotsFetchedAt == 0 ? null : now - slot.robotsFetchedAt)
                .put("truncated", slot.robotsTruncated)
                .put("crawlDelayMs", slot.crawlDelay.toMillis());
        return new JsonObject()
                .put("requests", slot.requests)
                .put("robotsBlocked", slot.robotsBlocked)
                .put("robots", robots)
                .put("delayMs", slot.effectiveDelay.toMillis())
                .put("delayReason", slot.delayReason)
                .put("dueInMs", Math.max(0, dueAt - now))
                .put("inFlight", slot.inFlight)
                .put("maxInFlight", maxInFlight)
                .put("consecutiveFailures", slot.consecutiveFailures)
                .put("parks", slot.parks)
                .put("lastOutcome", slot.lastOutcome)
                .put("serverMs", Math.round(Math.max(0, slot.smoothedServerMillis)))
                .put("ip", ip)
                .put("skipped", slot.skipReason);
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
