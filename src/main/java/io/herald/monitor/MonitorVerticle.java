package io.herald.monitor;

import io.herald.config.MonitorConfig;
import io.herald.model.Addresses;
import io.herald.model.FrontierStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /health}, {@code /health/live} and {@code /health/ready} ({@link CrawlHealth}), the
 * {@code POST /control/*} endpoints when a token is set ({@link ControlRoutes}), {@code GET /status} (counters of
 * this run and of the whole crawl, per-host state, recent errors), {@code GET /metrics} (Prometheus text) and the
 * live status page at {@code GET /}, on the configured address.
 */
public final class MonitorVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorVerticle.class);
    private static final long FRONTIER_TIMEOUT_MS = 2000;

    private final MonitorConfig config;
    private final CrawlStats stats;
    private final PrometheusMeterRegistry prometheus;
    private final CrawlHealth health;
    private final ClusterView cluster;
    private HttpServer server;

    public MonitorVerticle(MonitorConfig config, CrawlStats stats, PrometheusMeterRegistry prometheus,
                           CrawlHealth health) {
        this(config, stats, prometheus, health, null);
    }

    /** A node of a cluster ({@code cluster} not null): /status has a {@code cluster} section and {@code ?cluster=true}. */
    public MonitorVerticle(MonitorConfig config, CrawlStats stats, PrometheusMeterRegistry prometheus,
                           CrawlHealth health, ClusterView cluster) {
        this.cluster = cluster;
        this.config = config;
        this.stats = stats;
        this.prometheus = prometheus;
        this.health = health;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        health.mount(vertx, router);
        ControlRoutes.mount(vertx, router, config);
        router.get("/status").handler(ctx -> {
            if (cluster != null && "true".equals(ctx.request().getParam("cluster"))) {
                cluster.members().onComplete(ar -> json(ctx, ar.succeeded() ? 200 : 503, ar.succeeded() ? ar.result()
                        : new JsonObject().put("error", String.valueOf(ar.cause()))));
                return;
            }
            frontierStatus()
                    .onSuccess(frontier -> json(ctx, 200, withCluster(StatusJson.status(stats, frontier))))
                    .onFailure(e -> json(ctx, 503, withCluster(StatusJson.unavailable(stats, e))));
        });
        router.get("/metrics").handler(new MetricsEndpoint(vertx, prometheus, config.metricsTopHosts()));
        StatusPage.mount(router);
        return vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host())
                .onSuccess(s -> {
                    server = s;
                    LOG.info("monitor on http://{}:{}/health (/status, /metrics)", config.host(), s.actualPort());
                });
    }

    /** The bound port (useful when the config asked for port 0). */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    private Future<FrontierStatus> frontierStatus() {
        return vertx.eventBus().<FrontierStatus>request(Addresses.FRONTIER_STATUS, null,
                new DeliveryOptions().setSendTimeout(FRONTIER_TIMEOUT_MS)).map(m -> m.body());
    }

    private JsonObject withCluster(JsonObject status) {
        return cluster == null ? status : status.put("cluster", cluster.membership());
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encodePrettily());
    }
}
