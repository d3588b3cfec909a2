package io.herald.pipeline;

import io.herald.fetch.FetchMetrics;
import io.herald.fetch.PageFetcher;
import io.herald.model.Addresses;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.HttpCapture;
import io.herald.model.LocalCodec;
import io.herald.model.Page;
import io.herald.model.WarcRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
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
    private static final DeliveryOptions RECORD = LocalCodec.withTimeout(TimeUnit.MINUTES.toMillis(2));
    private static final DeliveryOptions LONG_POLL = LocalCodec.withTimeout(TimeUnit.DAYS.toMillis(30));

    private final PageFetcher fetcher;
    private final int slots;
    private final MeterRegistry registry;
    private final Consumer<FetchResult> results;
    private final FetchMetrics metrics;
    private EventBus bus;
    private PageStages stages;
    private volatile boolean stopping;

    /** @param results told of every result, on the slot's thread (the monitor keeps the recent errors) */
    public SlotVerticle(PageFetcher fetcher, int slots, MeterRegistry registry, Consumer<FetchResult> results) {
        this.fetcher = fetcher;
        this.slots = slots;
        this.registry = registry;
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
            count(task, result);
            results.accept(result);
            bus.send(Addresses.FRONTIER_FETCHED, result, LocalCodec.OPTIONS);
            // The record is written before the page goes on, so the article line that names it comes after it.
            return record(captured.capture()).compose(ref -> carryOn(task, result, ref));
        });
    }

    private Future<Void> carryOn(FetchTask task, FetchResult result, WarcRef ref) {
        if (!task.isRobots() && result instanceof FetchResult.Fetched fetched) {
            Page page = new Page(task.target(), fetched.status(), fetched.contentType(), fetched.body(),
                    fetched.fetchedAt());
            return task.kind() == FetchTask.Kind.SITEMAP ? stages.discover(page) : stages.process(page, ref);
        }
        return Future.succeededFuture();
    }

    /** With WARC output on (the fetcher captures), the exchange's records; null when off or not written. */
    private Future<WarcRef> record(HttpCapture capture) {
        if (capture == null) {
            return Future.succeededFuture();
        }
        return bus.<WarcRef>request(Addresses.SINK_RECORD, capture, RECORD).map(Message::body).otherwise(e -> {
            LOG.warn("WARC records of {} not written: {}", capture.url(), e.getMessage());
            return null;
        });
    }

    private void count(FetchTask task, FetchResult result) {
        Counter.builder("herald.fetch.outcomes")
                .description("Fetch results by kind of request and outcome")
                .tag("kind", task.kind().name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", result.outcome())
                .register(registry)
                .increment();
    }
}
