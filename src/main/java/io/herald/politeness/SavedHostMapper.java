package io.herald.politeness;

import io.herald.politeness.Delay.Reason;
import io.herald.politeness.SavedHostState.RobotsState;

import java.time.Duration;
import java.util.Optional;

/**
 * Between a {@link HostState} and a {@link HostStore}: what of a host's state is saved, and how it is rebuilt
 * from the saved records when the gate first meets the host in a later run.
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
final class SavedHostMapper {
    private final HostStore store;
    private final RobotsPolicy robotsPolicy;
    private final DelayPolicy delays;
    private final int robotsCapBytes;

    SavedHostMapper(HostStore store, RobotsPolicy robotsPolicy, DelayPolicy delays, int robotsCapBytes) {
        this.store = store;
        this.robotsPolicy = robotsPolicy;
        this.delays = delays;
        this.robotsCapBytes = robotsCapBytes;
    }

    /** Fills a new host's state from what was saved for it, if anything; true if something was. */
    boolean restore(HostState host, long now) {
        Optional<SavedHost> saved = store.load(host.hostKey);
        if (saved.isEmpty()) {
            return false;
        }
        SavedHostState state = saved.get().state();
        saved.get().savedRobots().ifPresent(robots -> restoreRules(host.robots, robots));
        restoreRobotsState(host.robots, state, saved.get().robots());
        host.requests = state.requests();
        host.robotsBlocked = state.robotsBlocked();
        host.clock.restore(state.backoffLevel(), state.consecutiveFailures(), state.parks(), state.serverMillis());
        applyRestartRule(host, state, now);
        return true;
    }

    private void restoreRules(HostRobots robots, SavedRobots saved) {
        boolean fetched = SavedRobots.FETCHED.equals(saved.source()) && saved.body() != null;
        var rules = fetched ? robotsPolicy.parse(saved.url(), saved.body(), saved.contentType(), robotsCapBytes)
                : robotsPolicy.forStatus(404).orElseThrow();
        robots.restoreRules(rules, saved.source(), saved.truncated(), saved.fetchedAt(), robotsPolicy.crawlDelay(rules),
                fetched);
    }

    private void restoreRobotsState(HostRobots robots, SavedHostState state, SavedRobots savedRobots) {
        robots.restoreFailures(state.robotsFailures());
        switch (state.robots()) {
            case READY:
                if (savedRobots != null) {
                    robots.restoreReady(savedRobots.url());
                    String refusal = delays.crawlDelayRefusal(robots.crawlDelay());
                    if (refusal != null) {
                        robots.giveUp(refusal);
                    }
                }
                break;
            case UNREACHABLE:
                robots.restoreUnreachable(state.robotsRetryAt());
                break;
            case GIVEN_UP:
                robots.giveUp(state.skipReason() == null ? "given up in an earlier run" : state.skipReason());
                break;
            default:
                break; // PENDING: robots.txt is fetched (again) first; saved rules, if any, hold meanwhile
        }
    }

    private void applyRestartRule(HostState host, SavedHostState state, long now) {
        Delay chosen = delays.choose(host.clock, host.robots.crawlDelay(), null); // an unrecorded last response's gap
        long afterOneDelay = now + chosen.millis();
        if (state.dueAt() > afterOneDelay) { // a Retry-After, park or long backoff still running
            host.clock.owe(savedDelay(state, chosen));
            host.clock.notBefore(state.dueAt());
        } else {
            host.clock.owe(chosen);
            host.clock.notBefore(afterOneDelay);
        }
    }

    /**
     * The delay saved with a due time still running; unless it was adaptive, one request at a time until that
     * wait has been answered. Only this class writes the labels; an unknown one is read as a fixed delay, the
     * cautious reading.
     */
    private static Delay savedDelay(SavedHostState state, Delay chosen) {
        Duration value = Duration.ofMillis(state.delayMillis());
        Reason reason = Reason.ofLabel(state.delayReason()).orElse(Reason.CONFIGURED);
        return new Delay(value, reason, reason == Reason.ADAPTIVE ? chosen.fixed() : value);
    }

    /** Saves the small record: robots state, clock, backoff, counters. */
    void saveState(HostState host) {
        HostRobots robots = host.robots;
        HostClock clock = host.clock;
        store.saveState(host.hostKey, new SavedHostState(savedStage(robots), robots.retryAt(), robots.failures(),
                robots.skipReason(), clock.dueAt(), clock.backoffLevel(), clock.consecutiveFailures(), clock.parks(),
                clock.delay().millis(), clock.delay().reason().label(), clock.smoothedServerMillis(), host.requests,
                host.robotsBlocked));
    }

    /** Saves the rules just accepted, with the body they came from (null for a synthetic source). */
    void saveRobots(HostState host, byte[] body, String contentType) {
        HostRobots robots = host.robots;
        store.saveRobots(host.hostKey, new SavedRobots(robots.url(), robots.source(), body, contentType,
                robots.truncated(), robots.fetchedAt()));
    }

    private RobotsState savedStage(HostRobots robots) {
        switch (robots.stage()) {
            case READY:
                return RobotsState.READY;
            case UNREACHABLE:
                return RobotsState.UNREACHABLE;
            case GIVEN_UP:
                // Skipped for its Crawl-delay: that follows from the rules and the cap, so the next run decides again.
                return robots.rules() != null && delays.crawlDelayRefusal(robots.crawlDelay()) != null
                        ? RobotsState.READY : RobotsState.GIVEN_UP;
            default:
                return RobotsState.PENDING;
        }
    }
}
