package io.herald.pipeline;

import io.herald.fetch.FetchMetrics;
import io.herald.fetch.PageFetcher;
import io.herald.model.Addresses;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.LocalCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pipeline slots: each slot pulls a task from the frontier, fetches it, reports the end of the exchange
 * at once (the host's clock starts there), and carries an HTML page through extraction and the sink
 * before it asks for more. So the number of slots bounds requests and pages in flight, and an article
 * is on disk before its URL counts as done.
 */
public final class SlotVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SlotVerticle.class);
    /** The frontier answers when a host is due, which may take as long as a Retry-After: never time out. */
    private static final DeliveryOptions LONG_POLL = LocalCodec.withTimeout(TimeUnit.DAYS.toMillis(30));

    private final PageFetcher fetcher;
    private final int slots;
    private final Consumer<FetchResult> results;
    private final FetchMetrics metrics;
    private EventBus bus;
    private PageStages stages;
    private volatile boolean stopping;

    /** @param results told of every result, on the slot's thread (the monitor keeps the recent errors) */
    public SlotVerticle(PageFetcher fetcher, int slots, MeterRegistry registry, Consumer<FetchResult> results) {
        this.fetcher = fetcher;
        this.slots = slots;
        this.results = results;
        this.metrics = new FetchMetrics(registry);
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        bus = vertx.eventBus();
        stages = new PageStages(bus);
        for (int i = 0; i < slots; i++) {
            nextTask();
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        return fetcher.close();
    }

    private void nextTask() {
        if (stopping) {
            return;
        }
        long asked = System.nanoTime();
        bus.<FetchTask>request(Addresses.FRONTIER_NEXT, null, LONG_POLL)
                .onSuccess(reply -> {
                    if (reply.body() != null) {
                        metrics.slotWaited(asked);
                        run(reply.body()).onComplete(done -> nextTask());
                    }
                })
                .onFailure(e -> {
                    if (!stopping) {
                        LOG.warn("frontier did not answer ({}); slot retries", e.getMessage());
                        vertx.setTimer(1000, id -> nextTask());
                    }
                });
    }

    private Future<Void> run(FetchTask task) {
        return fetcher.fetchCaptured(task).compose(captured -> {
            FetchResult result = captured.result();
            metrics.outcome(result);
            results.accept(result);
            return stages.fetched(result, captured.capture());
        });
    }
}
