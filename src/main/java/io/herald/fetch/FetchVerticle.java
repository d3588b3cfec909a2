package io.herald.fetch;

import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.Discovered;
import io.herald.model.ExtractResult;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.LocalCodec;
import io.herald.model.Page;
import io.herald.model.PageType;
import io.herald.model.Processed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pipeline slots: each slot pulls a task from the frontier, fetches it, reports the end of the exchange
 * at once (the host's clock starts there), and carries an HTML page through extraction and the sink
 * before it asks for more. So the number of slots bounds requests and pages in flight, and an article
 * is on disk before its URL counts as done.
 */
public final class FetchVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(FetchVerticle.class);
    /** The frontier answers when a host is due, which may take as long as a Retry-After: never time out. */
    private static final DeliveryOptions LONG_POLL = LocalCodec.withTimeout(TimeUnit.DAYS.toMillis(30));
    private static final DeliveryOptions STAGE = LocalCodec.withTimeout(TimeUnit.MINUTES.toMillis(2));

    private final PageFetcher fetcher;
    private final int slots;
    private final MeterRegistry registry;
    private final FetchMetrics metrics;
    private EventBus bus;
    private volatile boolean stopping;

    public FetchVerticle(PageFetcher fetcher, int slots, MeterRegistry registry) {
        this.fetcher = fetcher;
        this.slots = slots;
        this.registry = registry;
        this.metrics = new FetchMetrics(registry);
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        bus = vertx.eventBus();
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
        return fetcher.fetch(task).compose(result -> {
            count(task, result);
            bus.send(Addresses.FRONTIER_FETCHED, result, LocalCodec.OPTIONS);
            if (!task.isRobots() && result instanceof FetchResult.Fetched fetched) {
                Page page = new Page(task.target(), fetched.status(), fetched.contentType(), fetched.body(),
                        fetched.fetchedAt());
                return task.kind() == FetchTask.Kind.SITEMAP ? discover(page).mapEmpty() : process(page).mapEmpty();
            }
            return Future.<Void>succeededFuture();
        });
    }

    /** Extraction, then the sink, then the links go back to the frontier. Failures lose the page, not the crawl. */
    private Future<?> process(Page page) {
        return bus.<ExtractResult>request(Addresses.EXTRACT, page, STAGE).map(Message::body)
                .compose(result -> write(page, result)
                        .map(written -> new Processed(page.source(), result.links(), written)))
                .otherwise(e -> {
                    LOG.warn("page {} not processed: {}", page.source().url(), e.getMessage());
                    return new Processed(page.source(), List.of(), false);
                })
                .onSuccess(processed -> bus.send(Addresses.FRONTIER_PROCESSED, processed, LocalCodec.OPTIONS));
    }

    /** A fetched sitemap or feed is read on a worker; whatever happens, the frontier hears the task is over. */
    private Future<?> discover(Page page) {
        return bus.<Discovered>request(Addresses.DISCOVER, page, STAGE).map(Message::body)
                .otherwise(e -> new Discovered(page.source(), List.of(), List.of(), String.valueOf(e.getMessage())))
                .onSuccess(discovered -> bus.send(Addresses.FRONTIER_DISCOVERED, discovered, LocalCodec.OPTIONS));
    }

    private Future<Boolean> write(Page page, ExtractResult result) {
        if (result.type() != PageType.ARTICLE || result.article() == null) {
            return Future.succeededFuture(false);
        }
        Article article = new Article(page.source().url(), page.fetchedAt(), page.status(),
                URI.create(page.source().url()).getHost(), page.source().depth(), page.source().referrer(),
                page.source().via(), result.article());
        return bus.<Boolean>request(Addresses.SINK_WRITE, article, STAGE).map(Message::body);
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
