package io.herald.frontier;

import io.herald.model.Addresses;
import io.herald.model.Discovered;
import io.herald.model.FetchResult;
import io.herald.model.LocalCodec;
import io.herald.model.Processed;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import io.vertx.core.eventbus.DeliveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The only owner of the {@link Frontier}. Fetch slots ask for work on {@link Addresses#FRONTIER_NEXT}
 * and get an answer when a host is due (a long poll), so in-flight requests are bounded by the number
 * of slots. When the crawl is over every waiting slot gets a null answer and
 * {@link Addresses#CRAWL_FINISHED} is published once. With a durable store it also checkpoints: every
 * {@code state.checkpointInterval} and on stop, after the sink has synced the output.
 */
public final class FrontierVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(FrontierVerticle.class);
    private static final DeliveryOptions SYNC = new DeliveryOptions().setSendTimeout(30_000);
    private final Frontier frontier;
    private final Clock clock;
    private final long checkpointMs;
    private Future<Void> pendingCheckpoint = Future.succeededFuture();
    private long checkpointTimer = -1;
    private final ArrayDeque<Message<Object>> waiting = new ArrayDeque<>();
    private long timerId = -1;
    private long timerAt = Long.MAX_VALUE;
    private boolean finished;

    public FrontierVerticle(Frontier frontier, Clock clock) {
        this(frontier, clock, Duration.ZERO);
    }

    /** With {@code checkpointInterval} > 0, finished URLs are committed that often, and on stop. */
    public FrontierVerticle(Frontier frontier, Clock clock, Duration checkpointInterval) {
        this.frontier = frontier;
        this.clock = clock;
        this.checkpointMs = checkpointInterval.toMillis();
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        var bus = vertx.eventBus();
        bus.<Object>consumer(Addresses.FRONTIER_NEXT, msg -> { waiting.add(msg); pump(); });
        bus.<FetchResult>consumer(Addresses.FRONTIER_FETCHED, msg -> { frontier.onFetched(msg.body()); pump(); });
        bus.<Processed>consumer(Addresses.FRONTIER_PROCESSED, msg -> { frontier.onProcessed(msg.body()); pump(); });
        bus.<Discovered>consumer(Addresses.FRONTIER_DISCOVERED, msg -> { frontier.onDiscovered(msg.body()); pump(); });
        bus.<Object>consumer(Addresses.FRONTIER_STOP, msg -> { frontier.stop(); pump(); });
        bus.<Object>consumer(Addresses.FRONTIER_STATUS, msg -> msg.reply(frontier.status(500), LocalCodec.OPTIONS));
        bus.<Boolean>consumer(Addresses.FRONTIER_PAUSE, msg -> { pause(msg.body()); msg.reply(msg.body()); pump(); });
        bus.<JsonArray>consumer(Addresses.FRONTIER_SEEDS, msg -> { msg.reply(addSeeds(msg.body())); pump(); });
        frontier.seed();
        if (checkpointMs > 0) {
            checkpointTimer = vertx.setPeriodic(checkpointMs, id -> checkpoint());
        }
        return Future.succeededFuture();
    }

    /** Waits for a checkpoint under way, then commits once more: the last finished URLs must not be lost. */
    @Override
    public Future<?> stop() {
        if (checkpointMs <= 0) {
            return Future.succeededFuture();
        }
        vertx.cancelTimer(checkpointTimer);
        return pendingCheckpoint.transform(ar -> commitCheckpoint());
    }

    /**
     * Asks the sink to sync the output, then commits the URLs finished before the request: their articles were
     * written before they were reported finished, so the sync covers them. One checkpoint at a time.
     */
    private void checkpoint() {
        if (pendingCheckpoint.isComplete()) {
            pendingCheckpoint = commitCheckpoint();
        }
    }

    private Future<Void> commitCheckpoint() {
        Runnable commit = frontier.checkpoint();
        return vertx.eventBus().request(Addresses.SINK_SYNC, null, SYNC)
                .onSuccess(reply -> commit.run())
                .onFailure(e -> LOG.warn("checkpoint skipped, output not synced: {}", e.getMessage()))
                .<Void>mapEmpty()
                .otherwiseEmpty();
    }

    private void pause(boolean pause) {
        if (pause) {
            frontier.pause();
        } else {
            frontier.resume();
        }
    }

    private JsonObject addSeeds(JsonArray urls) {
        JsonObject outcome = new JsonObject();
        urls.forEach(url -> outcome.put(String.valueOf(url), frontier.addSeed(String.valueOf(url))));
        return outcome;
    }

    /** Hands due tasks to waiting slots, then arms a timer for the next host that becomes due. */
    private void pump() {
        while (!waiting.isEmpty()) {
            var task = frontier.poll();
            if (task == null) {
                break;
            }
            waiting.poll().reply(task, LocalCodec.OPTIONS);
        }
        frontier.drainHostsToResolve().forEach(this::resolve);
        if (frontier.isFinished()) {
            finish();
        } else if (!waiting.isEmpty() && !frontier.isPaused()) { // paused: resume pumps again
            armTimer(frontier.nextWakeAt());
        }
    }

    /** Name lookups block, so they run on a worker; the answer comes back to this verticle's event loop. */
    private void resolve(String hostKey) {
        String host = URI.create(hostKey).getHost();
        vertx.executeBlocking(() -> InetAddress.getByName(host).getHostAddress(), false) // one slow name stalls no other
                .onComplete(ar -> {
                    frontier.resolved(hostKey, ar.succeeded() ? ar.result() : "unresolved:" + host);
                    pump();
                });
    }

    private void armTimer(long at) {
        if (at == Long.MAX_VALUE || at >= timerAt) {
            return;
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        timerAt = at;
        timerId = vertx.setTimer(Math.max(1, at - clock.millis()), id -> {
            timerId = -1;
            timerAt = Long.MAX_VALUE;
            pump();
        });
    }

    private void finish() {
        while (!waiting.isEmpty()) {
            waiting.poll().reply(null);
        }
        if (!finished) {
            finished = true;
            vertx.eventBus().publish(Addresses.CRAWL_FINISHED, frontier.finishReason());
        }
    }
}
