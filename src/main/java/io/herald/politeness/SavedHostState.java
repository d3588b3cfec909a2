package io.herald.politeness;

import java.util.Objects;

/**
 * A host's saved politeness state, all of it but the robots.txt file: where its robots.txt stands, its clock,
 * backoff and parks, and the counters {@code /status} shows, so they keep adding up across runs. Written after each
 * response (and each URL robots.txt refuses); a few dozen bytes, so a page response never rewrites the
 * robots.txt body ({@link SavedRobots}). Times are clock millis, which are epoch-based
 * ({@link MonotonicClock}), so they compare with a later process's clock.
 *
 * @param robots              where the host's robots.txt stands
 * @param robotsRetryAt       for {@link RobotsState#UNREACHABLE}: when robots.txt may be asked for again
 * @param robotsFailures      robots.txt requests that failed in a row
 * @param skipReason          for {@link RobotsState#GIVEN_UP}: why; otherwise null
 * @param dueAt               the host's due time when saved
 * @param backoffLevel        steps of backoff
 * @param consecutiveFailures page failures in a row
 * @param parks               parks since the last success
 * @param delayMillis         the effective delay when saved
 * @param delayReason         the part of the delay that won (configured, crawl-delay, adaptive, retry-after,
 *                            backoff, parked)
 * @param serverMillis        the smoothed server time (request written to response head), or a negative number if
 *                            none was measured
 * @param requests            requests made to the host (robots.txt included)
 * @param robotsBlocked       URLs of the host refused by robots.txt
 */
public record SavedHostState(RobotsState robots, long robotsRetryAt, int robotsFailures, String skipReason,
                             long dueAt, int backoffLevel, int consecutiveFailures, int parks, long delayMillis,
                             String delayReason, double serverMillis, long requests, long robotsBlocked) {
    /** Where a host's robots.txt stands, as saved. */
    public enum RobotsState {
        /** Not known yet, or due to be fetched again (rules saved earlier, if any, hold meanwhile). */
        PENDING,
        /** Rules accepted; they are in the host's {@link SavedRobots}. */
        READY,
        /** The last request failed (5xx, 429, network); ask again at {@code robotsRetryAt}. */
        UNREACHABLE,
        /** The host gets no more requests ({@code skipReason} says why). */
        GIVEN_UP
    }

    public SavedHostState {
        Objects.requireNonNull(robots, "robots");
        Objects.requireNonNull(delayReason, "delayReason");
    }
}
