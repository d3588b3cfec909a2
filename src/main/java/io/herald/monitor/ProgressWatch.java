package io.herald.monitor;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;

import java.time.Clock;
import java.time.Duration;

/**
 * The stall rule of /health: the crawl is stalled when no page was fetched successfully for {@code stallAfter}
 * while URLs are queued and some host is due (due now, fetching, or failing). Time spent with nothing due, as when
 * every queued host waits out its politeness delay, or paused, does not count towards a stall. Fed by samples;
 * the clock is injected so the rule is tested without waiting.
 */
public final class ProgressWatch {
    private final Clock clock;
    private final long stallAfterMs;
    private long succeeded = -1;
    private long calmSince;
    private long queued;
    private int dueHosts;
    private boolean paused;

    public ProgressWatch(Clock clock, Duration stallAfter) {
        this.clock = clock;
        this.stallAfterMs = stallAfter.toMillis();
        this.calmSince = clock.millis();
    }

    /**
     * One sample: pages fetched successfully so far, URLs queued, hosts due, whether the crawl is paused. The stall
     * clock restarts whenever a page succeeded since the last sample or nothing was due.
     */
    public synchronized void sample(long pagesSucceeded, long queuedUrls, int hostsDue, boolean isPaused) {
        long now = clock.millis();
        boolean progressed = pagesSucceeded != succeeded;
        if (progressed || queuedUrls == 0 || hostsDue == 0 || isPaused) {
            calmSince = now;
        }
        succeeded = pagesSucceeded;
        queued = queuedUrls;
        dueHosts = hostsDue;
        paused = isPaused;
    }

    /** OK, or KO with reason "stalled" and for how long; the data says what the rule saw. */
    public synchronized Status status() {
        long quietMs = clock.millis() - calmSince;
        JsonObject data = new JsonObject().put("pagesSucceeded", Math.max(0, succeeded)).put("queued", queued)
                .put("dueHosts", dueHosts).put("paused", paused).put("stalledForMs", quietMs);
        if (quietMs >= stallAfterMs) {
            return Status.KO(data.put("reason", "stalled: no page fetched for " + quietMs / 1000 + "s while "
                    + dueHosts + " host(s) with queued URLs are due"));
        }
        return Status.OK(data);
    }
}
