package io.herald.monitor;

import io.herald.config.MonitorConfig;
import io.herald.model.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code POST /control/pause}, {@code /resume}, {@code /stop} and {@code /seeds}, mounted only when
 * {@code monitor.token} is set; each needs {@code Authorization: Bearer <token>} (else 401, logged). Pause and
 * resume go to the frontier, which keeps every host's clock, so a resume is as polite as if nothing had happened.
 * Stop is the SIGTERM stop: in-flight pages end, a last checkpoint, and the same command resumes. Seeds go through
 * scope, dedup and robots like any discovered link.
 */
public final class ControlRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Set<String> LOOPBACK = Set.of("localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1");

    private final Vertx vertx;
    private final byte[] token;

    private ControlRoutes(Vertx vertx, String token) {
        this.vertx = vertx;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Mounts the routes when the config has a token; otherwise they do not exist (404), with a warning if exposed. */
    public static void mount(Vertx vertx, Router router, MonitorConfig config) {
        if (!config.controlEnabled()) {
            if (!isLoopback(config.host())) {
                LOG.warn("the monitor listens on {}, beyond this machine; /control is off (no monitor.token), but "
                        + "/health and /status are readable by anyone who can reach it", config.host());
            }
            return;
        }
        ControlRoutes control = new ControlRoutes(vertx, config.token());
        router.post("/control/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(control::authorise);
        router.post("/control/pause").handler(ctx -> control.pause(ctx, true));
        router.post("/control/resume").handler(ctx -> control.pause(ctx, false));
        router.post("/control/stop").handler(control::stop);
        router.post("/control/seeds").handler(control::seeds);
    }

    static boolean isLoopback(String host) {
        return host.startsWith("127.") || LOOPBACK.contains(host);
    }

    private void authorise(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (MessageDigest.isEqual(given, token)) { // constant time: the answer's timing tells nothing of the token
            ctx.next();
            return;
        }
        LOG.warn("refused {} {} from {}: {} token", ctx.request().method(), ctx.request().path(),
                ctx.request().remoteAddress(), header == null ? "no" : "wrong");
        json(ctx, 401, new JsonObject().put("error", "a valid Authorization: Bearer token is required"));
    }

    private void pause(RoutingContext ctx, boolean pause) {
        vertx.eventBus().<Boolean>request(Addresses.FRONTIER_PAUSE, pause)
                .onSuccess(reply -> {
                    LOG.info("crawl {} by {}", pause ? "paused" : "resumed", ctx.request().remoteAddress());
                    json(ctx, 200, new JsonObject().put("paused", reply.body()));
                })
                .onFailure(e -> json(ctx, 503, new JsonObject().put("error", e.getMessage())));
    }

    private void stop(RoutingContext ctx) {
        LOG.info("stop requested by {}", ctx.request().remoteAddress());
        vertx.eventBus().send(Addresses.FRONTIER_STOP, null);
        json(ctx, 202, new JsonObject().put("stopping", true));
    }

    /** Body {@code {"urls": [...]}}; the answer maps each URL to what became of it, e.g. queued or out_of_scope. */
    private void seeds(RoutingContext ctx) {
        JsonArray urls;
        try {
            JsonObject body = ctx.body().asJsonObject();
            urls = body == null ? null : body.getJsonArray("urls");
        } catch (DecodeException | ClassCastException e) {
            urls = null;
        }
        if (urls == null || urls.isEmpty() || !urls.stream().allMatch(String.class::isInstance)) {
            json(ctx, 400, new JsonObject().put("error", "expected {\"urls\": [\"http://...\", ...]}"));
            return;
        }
        vertx.eventBus().<JsonObject>request(Addresses.FRONTIER_SEEDS, urls)
                .onSuccess(reply -> {
                    LOG.info("seeds added by {}: {}", ctx.request().remoteAddress(), reply.body().encode());
                    json(ctx, 200, new JsonObject().put("seeds", reply.body()));
                })
                .onFailure(e -> json(ctx, 503, new JsonObject().put("error", e.getMessage())));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encodePrettily());
    }
}
