package io.herald.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A continuous crawl's hub revisits for {@code /status} ({@code frontier.revisits} and
 * {@code frontier.discoveryLatency}); empty in {@code once} mode.
 *
 * @param scheduled        hubs with a revisit schedule
 * @param next             the hubs due soonest, soonest first (a few)
 * @param discoveryLatency from a new story's link first seen on a hub revisit to its article written
 */
public record RevisitStatus(int scheduled, List<NextVisit> next, LatencySummary discoveryLatency) {
    /** No hubs: a {@code once} crawl, or a continuous one that has read none yet. */
    public static final RevisitStatus NONE = new RevisitStatus(0, List.of(), LatencySummary.NONE);

    public RevisitStatus {
        next = List.copyOf(next);
        Objects.requireNonNull(discoveryLatency, "discoveryLatency");
    }

    /**
     * One hub's next visit.
     *
     * @param url             the hub
     * @param at              when it is due
     * @param intervalSeconds its current interval
     */
    public record NextVisit(String url, Instant at, double intervalSeconds) {
    }
}
