package io.herald.pipeline;

import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.Discovered;
import io.herald.model.ExtractResult;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.HttpCapture;
import io.herald.model.LocalCodec;
import io.herald.model.Page;
import io.herald.model.PageType;
import io.herald.model.Processed;
import io.herald.model.WarcRef;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a slot does with a fetched page, by event-bus address: an HTML page goes through extraction and the sink
 * and its links back to the frontier; a sitemap or feed goes through discovery. Whatever happens, the frontier
 * hears that the task is over, and the returned future does not fail.
 */
final class PageStages {
    private static final Logger LOG = LoggerFactory.getLogger(PageStages.class);
    private static final DeliveryOptions STAGE = LocalCodec.withTimeout(TimeUnit.MINUTES.toMillis(2));

    private final EventBus bus;

    PageStages(EventBus bus) {
        this.bus = bus;
    }

    /**
     * The end of an exchange: the frontier hears of it at once (the host's clock starts there, before any
     * extraction), then a fetched HTML page or sitemap goes on through its stages; a robots.txt or any other
     * outcome is over.
     */
    Future<Void> fetched(FetchResult result) {
        return fetched(result, null);
    }

    /**
     * As {@link #fetched(FetchResult)}; with WARC output on, {@code capture} (the exchange as sent and received; null
     * when off or no response came) is recorded by the sink first, so the article line that names its record is
     * written after it, and the page's article names that record.
     */
    Future<Void> fetched(FetchResult result, HttpCapture capture) {
        bus.send(Addresses.FRONTIER_FETCHED, result, LocalCodec.OPTIONS);
        return record(capture).compose(ref -> carryOn(result, ref));
    }

    private Future<Void> carryOn(FetchResult result, WarcRef ref) {
        FetchTask task = result.task();
        if (task.isRobots() || !(result instanceof FetchResult.Fetched fetched)) {
            return Future.succeededFuture();
        }
        Page page = new Page(task.target(), fetched.status(), fetched.contentType(), fetched.body(), fetched.fetchedAt());
        return task.kind() == FetchTask.Kind.SITEMAP ? discover(page) : process(page, ref);
    }

    /** The exchange's WARC records, where its response record starts; null when none or not written (logged). */
    private Future<WarcRef> record(HttpCapture capture) {
        if (capture == null) {
            return Future.succeededFuture();
        }
        return bus.<WarcRef>request(Addresses.SINK_RECORD, capture, STAGE).map(Message::body).otherwise(e -> {
            LOG.warn("WARC records of {} not written: {}", capture.url(), e.getMessage());
            return null;
        });
    }

    /** Extraction, then the sink, then the links go back to the frontier. Failures lose the page, not the crawl. */
    Future<Void> process(Page page) {
        return process(page, null);
    }

    /** As {@link #process(Page)}; the article names {@code warc}, the page's WARC record (null: none). */
    Future<Void> process(Page page, WarcRef warc) {
        return bus.<ExtractResult>request(Addresses.EXTRACT, page, STAGE).map(Message::body)
                .compose(result -> write(page, result, warc)
                        .map(written -> new Processed(page.source(), result.links(), written, result.type())))
                .otherwise(e -> {
                    LOG.warn("page {} not processed: {}", page.source().url(), e.getMessage());
                    return new Processed(page.source(), List.of(), false, PageType.OTHER);
                })
                .map(processed -> {
                    bus.send(Addresses.FRONTIER_PROCESSED, processed, LocalCodec.OPTIONS);
                    return null;
                });
    }

    /** A fetched sitemap or feed is read on a worker; whatever happens, the frontier hears the task is over. */
    Future<Void> discover(Page page) {
        return bus.<Discovered>request(Addresses.DISCOVER, page, STAGE).map(Message::body)
                .otherwise(e -> new Discovered(page.source(), List.of(), List.of(), String.valueOf(e.getMessage())))
                .map(discovered -> {
                    bus.send(Addresses.FRONTIER_DISCOVERED, discovered, LocalCodec.OPTIONS);
                    return null;
                });
    }

    private Future<Boolean> write(Page page, ExtractResult result, WarcRef warc) {
        if (result.type() != PageType.ARTICLE || result.article() == null) {
            return Future.succeededFuture(false);
        }
        Article article = Article.of(page, result.article()).withWarc(warc);
        return bus.<Boolean>request(Addresses.SINK_WRITE, article, STAGE).map(Message::body);
    }
}
