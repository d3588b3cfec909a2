package io.herald.monitor;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;

import java.time.Clock;
import java.time.Duration;

/**
 * The state store as /health sees it: open, and its last checkpoint no older than {@code maxAge}. A throwaway
 * (memory) store has no checkpoints and is always fine. Written by the crawl's threads, read by the monitor's.
 */
public final class StateWatch {
    private final Clock clock;
    private final boolean durable;
    private final long maxAgeMs;
    private volatile long lastCheckpointAt;
    private volatile boolean open = true;

    public StateWatch(Clock clock, boolean durable, Duration maxAge) {
        this.clock = clock;
        this.durable = durable;
        this.maxAgeMs = maxAge.toMillis();
        this.lastCheckpointAt = clock.millis(); // opening the store is its first consistent point
    }

    /** A checkpoint is being committed now. */
    public void checkpointed() {
        lastCheckpointAt = clock.millis();
    }

    /** The store has been closed. */
    public void closed() {
        open = false;
    }

    public Status status() {
        if (!durable) {
            return Status.OK(new JsonObject().put("store", "memory"));
        }
        long age = clock.millis() - lastCheckpointAt;
        JsonObject data = new JsonObject().put("store", "rocksdb").put("open", open).put("checkpointAgeMs", age);
        if (!open) {
            return Status.KO(data.put("reason", "the state store is closed"));
        }
        if (age >= maxAgeMs) {
            return Status.KO(data.put("reason", "no checkpoint for " + age / 1000 + "s (monitor.stallAfter "
                    + maxAgeMs / 1000 + "s)"));
        }
        return Status.OK(data);
    }
}
