package io.herald.frontier;

import io.herald.model.Addresses;
import io.herald.model.Discovered;
import io.herald.model.FetchResult;
import io.herald.model.HandedOver;
import io.herald.model.LocalCodec;
import io.herald.model.Processed;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The only owner of the {@link Frontier}, adapting it to the event bus: fetch slots ask for work on
 * {@link Addresses#FRONTIER_NEXT} and the {@link TaskDispatcher} answers when a host is due (a long poll); when the
 * crawl is over {@link Addresses#CRAWL_FINISHED} is published once. With a durable store the {@link CheckpointCycle}
 * runs every {@code state.checkpointInterval} and on stop, after the sink has synced the output.
 */
public final class FrontierVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(FrontierVerticle.class);
    private static final DeliveryOptions SYNC = new DeliveryOptions().setSendTimeout(30_000);
    /** How long a stop waits for the last checkpoint to reach the queue's replica. */
    private static final long REPLICA_WAIT_MS = 10_000;
    private final Frontier frontier;
    private final long checkpointMs;
    private final TaskDispatcher dispatcher;
    private final CheckpointCycle checkpoints;
    /** Cluster mode: replies to other nodes' URLs, sent once the checkpoint that stores them has committed. */
    private final List<Runnable> awaitingCommit = new ArrayList<>();
    private long checkpointTimer = -1;
    private long timerId = -1;

    /** With {@code checkpointInterval} > 0, finished URLs are committed that often, and on stop. */
    public FrontierVerticle(Frontier frontier, Clock clock, Duration checkpointInterval) {
        this.frontier = frontier;
        this.checkpointMs = checkpointInterval.toMillis();
        this.dispatcher = new TaskDispatcher(frontier, clock, new BusEffects());
        this.checkpoints = new CheckpointCycle(this::beginCheckpoint,
                () -> vertx.eventBus().request(Addresses.SINK_SYNC, null, SYNC));
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        LocalCodec.register(bus);
        bus.<Object>consumer(Addresses.FRONTIER_NEXT, msg -> dispatcher.ask(task -> msg.reply(task, LocalCodec.OPTIONS)));
        bus.<FetchResult>consumer(Addresses.FRONTIER_FETCHED, msg -> { frontier.onFetched(msg.body()); dispatcher.pump(); });
        bus.<Processed>consumer(Addresses.FRONTIER_PROCESSED, msg -> { frontier.onProcessed(msg.body()); dispatcher.pump(); });
        bus.<Discovered>consumer(Addresses.FRONTIER_DISCOVERED, msg -> { frontier.onDiscovered(msg.body()); dispatcher.pump(); });
        bus.<Object>consumer(Addresses.FRONTIER_STOP, msg -> { frontier.stop(); dispatcher.pump(); });
        bus.<Object>consumer(Addresses.FRONTIER_STATUS, msg -> msg.reply(frontier.status(500), LocalCodec.OPTIONS));
        bus.<Boolean>consumer(Addresses.FRONTIER_PAUSE, msg -> { pause(msg.body()); msg.reply(msg.body()); dispatcher.pump(); });
        bus.<HandedOver>consumer(Addresses.FRONTIER_HANDED_OVER, msg -> {
            boolean passedOn = frontier.onHandedOver(msg.body().urls(), msg.body().from());
            dispatcher.pump(); // before the reply: the node is seen busy before the sender counts the URLs delivered
            Runnable reply = () -> msg.reply(msg.body().urls().size());
            // The sender forgets them on the reply: they must be in the state by then, and those this node passed on
            // (hosts it no longer owns) must have reached their owners, since only its memory held them.
            Runnable answer = checkpointMs > 0 && !msg.body().urls().isEmpty() ? () -> awaitingCommit.add(reply) : reply;
            if (passedOn) {
                frontier.whenPassedOn(answer);
            } else {
                answer.run();
            }
        });
        bus.<JsonArray>consumer(Addresses.FRONTIER_SEEDS, msg -> { msg.reply(addSeeds(msg.body())); dispatcher.pump(); });
        frontier.seed();
        if (checkpointMs > 0) {
            checkpointTimer = vertx.setPeriodic(checkpointMs, id -> checkpoints.tick());
        }
        return Future.succeededFuture();
    }

    /**
     * Waits for a checkpoint under way, then commits once more: the last finished URLs must not be lost. With a
     * replica of the queue, waits (a bounded time) until that commit is in it too, so that the nodes taking over
     * from this one find what it did last.
     */
    @Override
    public Future<?> stop() {
        vertx.cancelTimer(checkpointTimer);
        return checkpointMs > 0 ? checkpoints.last().compose(v -> lastReplicated()) : Future.succeededFuture();
    }

    private Future<Void> lastReplicated() {
        Future<Void> replicated = frontier.replicated();
        return replicated.isComplete() ? replicated : replicated.timeout(REPLICA_WAIT_MS, TimeUnit.MILLISECONDS)
                .onFailure(e -> LOG.warn("stopping without the last checkpoint in the queue's replica: {}", e.toString()))
                .otherwiseEmpty();
    }

    /** A checkpoint whose commit also answers the other nodes whose URLs it stores. */
    private Runnable beginCheckpoint() {
        Runnable commit = frontier.checkpoint();
        return () -> {
            commit.run(); // writes every change made so far, the URLs of the replies below among them
            if (awaitingCommit.isEmpty()) {
                return;
            }
            List<Runnable> replies = List.copyOf(awaitingCommit);
            awaitingCommit.clear();
            // with a replica of the queue, the URLs must be in it too before their senders forget them (at once
            // without one)
            frontier.replicated().onSuccess(v -> replies.forEach(Runnable::run));
        };
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

    /** Timers, name lookups and the end of the crawl, on this verticle's event loop. */
    private final class BusEffects implements TaskDispatcher.Effects {
        @Override
        public void armTimer(long delayMs) {
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
            }
            timerId = vertx.setTimer(delayMs, id -> {
                timerId = -1;
                dispatcher.timerFired();
            });
        }

        /** Name lookups block, so they run on a worker; one slow name stalls no other. */
        @Override
        public void resolve(String hostKey) {
            String host = URI.create(hostKey).getHost();
            vertx.executeBlocking(() -> InetAddress.getByName(host).getHostAddress(), false)
                    .onComplete(ar -> dispatcher.resolved(hostKey, ar.succeeded() ? ar.result() : null));
        }

        @Override
        public void finished(String reason) {
            vertx.eventBus().publish(Addresses.CRAWL_FINISHED, reason);
        }
    }
}
