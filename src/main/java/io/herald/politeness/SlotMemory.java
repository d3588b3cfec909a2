package io.herald.politeness;

import io.herald.politeness.SavedClock.RobotsState;

import java.time.Duration;
import java.util.Optional;

/**
 * Between a {@link HostSlot} and a {@link HostMemory}: what of a slot is saved, and how a slot is rebuilt
 * from it when the gate first meets the host in a later run.
 *
 * <p><b>Restart rule.</b> Saves are buffered and committed at checkpoints, so the last request to a host
 * before a {@code kill -9} may not be recorded. A restored host therefore gets
 * {@code dueAt = max(saved dueAt, now + delay)}, where {@code delay} is what {@link DelayPolicy} chooses for
 * it from the saved state (configured delay, Crawl-delay, adaptive, backoff): after a restart an
 * already-contacted host waits one full delay before its first request, and a Retry-After or park still
 * running (already in the saved due time) is waited out, not started again. Every start of the earlier run
 * came before {@code now}, so {@code now + delay} also keeps the start-to-start gap across a restart without
 * saving the last start itself; the one-at-a-time rule follows from the restored delay, as in the run before.
 *
 * <p>Rules are parsed again from the saved body; rules older than {@code politeness.robotsTtl} are fetched
 * again as usual. A host skipped for its Crawl-delay is saved with its rules, not as given up, so the cap of
 * the next run decides again (it may have been raised).
 */
final class SlotMemory {
    private final HostMemory memory;
    private final RobotsPolicy robotsPolicy;
    private final DelayPolicy delays;
    private final int robotsCapBytes;

    SlotMemory(HostMemory memory, RobotsPolicy robotsPolicy, DelayPolicy delays, int robotsCapBytes) {
        this.memory = memory;
        this.robotsPolicy = robotsPolicy;
        this.delays = delays;
        this.robotsCapBytes = robotsCapBytes;
    }

    /** Fills a new slot from what was saved for its host, if anything; true if something was. */
    boolean restore(HostSlot slot, long now) {
        Optional<SavedHost> saved = memory.load(slot.hostKey);
        if (saved.isEmpty()) {
            return false;
        }
        SavedClock clock = saved.get().clock();
        saved.get().savedRobots().ifPresent(robots -> restoreRules(slot, robots));
        restoreRobotsState(slot, clock, saved.get().robots());
        slot.requests = clock.requests();
        slot.robotsBlocked = clock.robotsBlocked();
        slot.backoffLevel = clock.backoffLevel();
        slot.consecutiveFailures = clock.consecutiveFailures();
        slot.parks = clock.parks();
        slot.smoothedServerMillis = clock.serverMillis();
        applyRestartRule(slot, clock, now);
        return true;
    }

    private void restoreRules(HostSlot slot, SavedRobots saved) {
        boolean fetched = SavedRobots.FETCHED.equals(saved.source()) && saved.body() != null;
        slot.rules = fetched ? robotsPolicy.parse(saved.url(), saved.body(), saved.contentType(), robotsCapBytes)
                : robotsPolicy.forStatus(404).orElseThrow();
        slot.robotsSource = saved.source();
        slot.robotsTruncated = saved.truncated();
        slot.robotsFetchedAt = saved.fetchedAt();
        slot.crawlDelay = robotsPolicy.crawlDelay(slot.rules);
        slot.sitemapsToAnnounce = fetched;
    }

    private void restoreRobotsState(HostSlot slot, SavedClock clock, SavedRobots robots) {
        slot.robotsFailures = clock.robotsFailures();
        switch (clock.robots()) {
            case READY:
                if (robots != null) {
                    slot.robots = HostSlot.Robots.READY;
                    slot.robotsUrl = robots.url();
                    String refusal = delays.crawlDelayRefusal(slot.crawlDelay);
                    if (refusal != null) {
                        slot.giveUp(refusal);
                    }
                }
                break;
            case UNREACHABLE:
                slot.robots = HostSlot.Robots.UNREACHABLE;
                slot.robotsRetryAt = clock.robotsRetryAt();
                break;
            case GIVEN_UP:
                slot.giveUp(clock.skipReason() == null ? "given up in an earlier run" : clock.skipReason());
                break;
            default:
                break; // PENDING: robots.txt is fetched (again) first; saved rules, if any, hold meanwhile
        }
    }

    private void applyRestartRule(HostSlot slot, SavedClock clock, long now) {
        delays.choose(slot, null); // the gap that an unrecorded last response would have started
        long afterOneDelay = now + slot.effectiveDelay.toMillis();
        if (clock.dueAt() > afterOneDelay) { // a Retry-After, park or long backoff still running
            slot.dueAt = clock.dueAt();
            slot.effectiveDelay = Duration.ofMillis(clock.delayMillis());
            slot.delayReason = clock.delayReason();
            if (!"adaptive".equals(clock.delayReason())) {
                slot.fixedDelay = slot.effectiveDelay; // one request at a time until that wait has been answered
            }
        } else {
            slot.dueAt = afterOneDelay;
        }
    }

    /** Saves the small record: robots state, clock, backoff, counters. */
    void saveClock(HostSlot slot) {
        memory.saveClock(slot.hostKey, new SavedClock(savedState(slot), slot.robotsRetryAt, slot.robotsFailures,
                slot.skipReason, slot.dueAt, slot.backoffLevel, slot.consecutiveFailures, slot.parks,
                slot.effectiveDelay.toMillis(), slot.delayReason, slot.smoothedServerMillis, slot.requests,
                slot.robotsBlocked));
    }

    /** Saves the rules just accepted, with the body they came from (null for a synthetic source). */
    void saveRobots(HostSlot slot, byte[] body, String contentType) {
        memory.saveRobots(slot.hostKey, new SavedRobots(slot.robotsUrl, slot.robotsSource, body, contentType,
                slot.robotsTruncated, slot.robotsFetchedAt));
    }

    private RobotsState savedState(HostSlot slot) {
        switch (slot.robots) {
            case READY:
                return RobotsState.READY;
            case UNREACHABLE:
                return RobotsState.UNREACHABLE;
            case GIVEN_UP:
                // Skipped for its Crawl-delay: that follows from the rules and the cap, so the next run decides again.
                return slot.rules != null && delays.crawlDelayRefusal(slot.crawlDelay) != null
                        ? RobotsState.READY : RobotsState.GIVEN_UP;
            default:
                return RobotsState.PENDING;
        }
    }
}
