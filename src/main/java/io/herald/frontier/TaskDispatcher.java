package io.herald.frontier;

import io.herald.model.FetchTask;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Answers the slots waiting for work (a long poll): each gets a task once some host is due, so in-flight requests
 * are bounded by the number of slots. After every event the owner calls {@link #pump}: it hands out the due tasks,
 * asks for the names the per-IP floor needs resolved, arms one timer for the earliest host still waiting, and once
 * the crawl is over answers every waiting slot with null and reports the end once. Single-threaded (the frontier's).
 */
final class TaskDispatcher {
    /** What the dispatcher needs done outside itself; the frontier verticle does it on the event bus and timers. */
    interface Effects {
        /** Calls {@link #timerFired} after {@code delayMs}, in place of any timer armed before. */
        void armTimer(long delayMs);

        /** Looks the host's address up off the frontier's thread, then calls {@link #resolved}. */
        void resolve(String hostKey);

        /** The crawl is over, for this reason ({@link Frontier#finishReason}); called once. */
        void finished(String reason);
    }

    private final Frontier frontier;
    private final Clock clock;
    private final Effects effects;
    private final ArrayDeque<Consumer<FetchTask>> waiting = new ArrayDeque<>();
    private long timerAt = Long.MAX_VALUE;
    private boolean finished;

    TaskDispatcher(Frontier frontier, Clock clock, Effects effects) {
        this.frontier = frontier;
        this.clock = clock;
        this.effects = effects;
    }

    /** A slot asks for work: {@code slot} gets a task when one is due, or null when the crawl is over. */
    void ask(Consumer<FetchTask> slot) {
        waiting.add(slot);
        pump();
    }

    /** Hands due tasks to waiting slots, then arms a timer for the next host that becomes due. */
    void pump() {
        while (!waiting.isEmpty()) {
            FetchTask task = frontier.poll();
            if (task == null) {
                break;
            }
            waiting.poll().accept(task);
        }
        frontier.drainHostsToResolve().forEach(effects::resolve);
        if (frontier.isFinished()) {
            finish();
        } else if (!waiting.isEmpty() && !frontier.isPaused()) { // paused: resume pumps again
            armTimer(frontier.nextWakeAt());
        }
    }

    /** The timer armed through {@link Effects#armTimer} went off. */
    void timerFired() {
        timerAt = Long.MAX_VALUE;
        pump();
    }

    /** A host's address, or null when it could not be resolved (its name then stands in for it). */
    void resolved(String hostKey, String ip) {
        frontier.resolved(hostKey, ip != null ? ip : "unresolved:" + URI.create(hostKey).getHost());
        pump();
    }

    private void armTimer(long at) {
        if (at == Long.MAX_VALUE || at >= timerAt) {
            return; // a timer at least as early is armed already
        }
        timerAt = at;
        effects.armTimer(Math.max(1, at - clock.millis()));
    }

    private void finish() {
        while (!waiting.isEmpty()) {
            waiting.poll().accept(null);
        }
        if (!finished) {
            finished = true;
            effects.finished(frontier.finishReason());
        }
    }
}
