package io.herald.frontier;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The frontier's checkpoints, one at a time: each begins a checkpoint of the store, asks for the output to be
 * synced, and commits only once the sync has succeeded. The URLs finished before the request had their articles
 * written before they were reported finished, so the sync covers them. A failed sync skips that commit; the
 * next checkpoint covers its URLs. Single-threaded (the frontier's thread); no timers of its own.
 */
final class CheckpointCycle {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCycle.class);
    private final Supplier<Runnable> begin;
    private final Supplier<Future<?>> syncOutput;
    private Future<Void> pending = Future.succeededFuture();

    /**
     * @param begin      begins a checkpoint and returns its commit ({@link Frontier#checkpoint})
     * @param syncOutput syncs the output; the commit runs when it succeeds
     */
    CheckpointCycle(Supplier<Runnable> begin, Supplier<Future<?>> syncOutput) {
        this.begin = begin;
        this.syncOutput = syncOutput;
    }

    /** The periodic checkpoint: begins one unless one is still under way (then this one is skipped). */
    void tick() {
        if (pending.isComplete()) {
            pending = checkpoint();
        }
    }

    /**
     * The last checkpoint, on stop: waits for one under way, then checkpoints once more, so the last finished
     * URLs are not lost. The future never fails.
     */
    Future<Void> last() {
        return pending.transform(ar -> checkpoint());
    }

    private Future<Void> checkpoint() {
        Runnable commit = begin.get();
        return syncOutput.get()
                .onSuccess(synced -> commit.run())
                .onFailure(e -> LOG.warn("checkpoint skipped, output not synced: {}", e.getMessage()))
                .<Void>mapEmpty()
                .otherwiseEmpty();
    }
}
