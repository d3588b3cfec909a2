package io.herald.monitor;

import io.herald.model.Addresses;
import io.herald.model.FrontierStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * /health and its parts. {@code /health/live}: the event loops answer. {@code /health/ready}: the named checks
 * {@code frontier} (answers within a bound), {@code output} (no fault is stopping the crawl), {@code disk} (output
 * and state folders writable, free space above {@code monitor.minFreeDisk}), {@code state} (store open, checkpoint
 * recent) and {@code progress} (not stalled, see {@link ProgressWatch}). {@code /health}: all of them. Each answers
 * 200 when every check is UP, else 503, with every check's status and reason; a check flips back when its cause goes.
 */
public final class CrawlHealth {
    private static final long FRONTIER_TIMEOUT_MS = 2000;
    private static final long CHECK_TIMEOUT_MS = 5000;

    private final CrawlStats stats;
    private final DiskCheck disk;
    private final StateWatch state;
    private final ProgressWatch progress;
    private final long sampleMs;
    private ClusterView cluster;

    /** @param stallAfter the stall bound, which also sets how often progress is sampled */
    public CrawlHealth(CrawlStats stats, DiskCheck disk, StateWatch state, ProgressWatch progress, Duration stallAfter) {
        this.stats = stats;
        this.disk = disk;
        this.state = state;
        this.progress = progress;
        this.sampleMs = Math.max(100, Math.min(1000, stallAfter.toMillis() / 4));
    }

    /** Cluster mode: /health/ready and /health also report the cluster's membership (a check that is always UP). */
    public CrawlHealth withCluster(ClusterView view) {
        this.cluster = view;
        return this;
    }

    /** Registers the checks, starts sampling progress, and serves the three routes on {@code router}. */
    public void mount(Vertx vertx, Router router) {
        HealthChecks live = live(vertx, HealthChecks.create(vertx));
        HealthChecks ready = ready(vertx, HealthChecks.create(vertx));
        HealthChecks all = ready(vertx, live(vertx, HealthChecks.create(vertx))); // flat: one list of every check
        vertx.setPeriodic(sampleMs, id -> sample(vertx));
        router.get("/health/live").handler(ctx -> answer(ctx, live.checkStatus()));
        router.get("/health/ready").handler(ctx -> answer(ctx, ready.checkStatus()));
        router.get("/health").handler(ctx -> answer(ctx, all.checkStatus()));
    }

    /** A timer fires on this event loop within the bound: the loop is not blocked. */
    private static HealthChecks live(Vertx vertx, HealthChecks checks) {
        return checks.register("eventLoop", 1000, promise -> vertx.setTimer(1, id -> promise.complete(Status.OK())));
    }

    private HealthChecks ready(Vertx vertx, HealthChecks checks) {
        if (cluster != null) { // membership to see, not a reason to restart this node: its own crawl is healthy
            checks.register("cluster", promise -> promise.complete(Status.OK(cluster.membership())));
        }
        return checks
                .register("frontier", FRONTIER_TIMEOUT_MS, promise -> frontierStatus(vertx)
                        .onSuccess(s -> promise.complete(Status.OK(new JsonObject().put("queued", s.queued()))))
                        .onFailure(e -> promise.complete(Status.KO(reason("frontier does not answer: " + e.getMessage())))))
                .register("output", promise -> promise.complete(stats.fault() == null ? Status.OK()
                        : Status.KO(reason(stats.fault()))))
                .register("disk", CHECK_TIMEOUT_MS, promise -> vertx.executeBlocking(disk::check, false)
                        .onComplete(ar -> promise.complete(ar.succeeded() ? ar.result() : Status.KO(reason(ar.cause().toString())))))
                .register("state", promise -> promise.complete(state.status()))
                .register("progress", promise -> promise.complete(progress.status()));
    }

    private void sample(Vertx vertx) {
        long succeeded = stats.pagesSucceeded();
        frontierStatus(vertx).onSuccess(s -> progress.sample(succeeded, s.queued(),
                s.dueHosts(), s.paused()));
    }

    private static JsonObject reason(String why) {
        return new JsonObject().put("reason", why);
    }

    private static Future<FrontierStatus> frontierStatus(Vertx vertx) {
        return vertx.eventBus().<FrontierStatus>request(Addresses.FRONTIER_STATUS, null,
                new DeliveryOptions().setSendTimeout(FRONTIER_TIMEOUT_MS)).map(m -> m.body());
    }

    private static void answer(RoutingContext ctx, Future<CheckResult> result) {
        result.onComplete(ar -> {
            boolean up = ar.succeeded() && ar.result().getUp();
            JsonObject body = ar.succeeded() ? ar.result().toJson() : new JsonObject().put("status", "DOWN");
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json")
                    .end(body.encodePrettily());
        });
    }
}
