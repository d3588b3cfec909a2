package io.herald.sink;

import io.herald.config.OutputConfig;
import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.LocalCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns the output folder: takes {@link Article}s on {@link Addresses#SINK_WRITE}, replies TRUE when one
 * is written and FALSE when it is a duplicate. Dedup runs on the event loop; disk work runs in order on a
 * worker ({@code executeBlocking(…, true)}), so the event loop never waits for the disk and the writer
 * is used by one thread at a time. Syncs to disk each second that saw a write, on {@link Addresses#SINK_SYNC}
 * and on stop; closes a file whose {@code rotateInterval} has passed even when no line comes.
 */
public final class SinkVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SinkVerticle.class);
    private final OutputConfig config;
    private final SinkCounters counters;
    private final ArticleDeduper deduper = new ArticleDeduper();
    private final AtomicLong synced = new AtomicLong(); // set on the writer's thread, read by any
    private volatile long found;
    private JsonLinesWriter writer;
    private MessageConsumer<Article> consumer;
    private MessageConsumer<Object> syncConsumer;
    private boolean dirty;

    public SinkVerticle(OutputConfig config, MeterRegistry registry) {
        this.config = config;
        this.counters = new SinkCounters(registry);
        counters.registerSynced(registry, synced);
    }

    /** Articles the output folder held when this sink started (earlier runs' lines); valid once started. */
    public long articlesFound() {
        return found;
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        return blocking(() -> {
            writer = new JsonLinesWriter(config.dir(), config.rotateBytes(), config.rotateInterval(), config.gzip(),
                    Clock.systemUTC());
            found = OutputReader.rememberAll(JsonLinesWriter.existingFiles(config.dir()), deduper);
            LOG.info("Writing articles to {}; {} from earlier runs will not be written again", config.dir(), found);
        }).compose(v -> {
            vertx.setPeriodic(1000, id -> everySecond());
            syncConsumer = vertx.eventBus().consumer(Addresses.SINK_SYNC, this::onSync);
            consumer = vertx.eventBus().consumer(Addresses.SINK_WRITE, this::onArticle);
            return syncConsumer.completion().compose(ready -> consumer.completion());
        });
    }

    @Override
    public Future<?> stop() {
        // Stop taking articles first, so none is queued behind the close.
        return consumer.unregister().compose(v -> syncConsumer.unregister()).compose(v -> blocking(() -> {
            writer.close();
            synced.set(writer.linesWritten());
        }));
    }

    private void onArticle(Message<Article> message) {
        Article article = message.body();
        if (!deduper.firstTime(article)) {
            counters.duplicate.increment();
            message.reply(Boolean.FALSE);
            return;
        }
        blocking(() -> writer.write(ArticleJson.toJson(article))).onSuccess(v -> {
            dirty = true;
            counters.written.increment();
            message.reply(Boolean.TRUE);
        }).onFailure(err -> {
            deduper.forget(article);
            counters.failed.increment();
            LOG.warn("Could not write article {}: {}", article.url(), err.toString());
            message.fail(500, "sink write failed: " + err);
        });
    }

    private void everySecond() {
        if (dirty) {
            dirty = false;
            blocking(this::sync).onFailure(err -> LOG.warn("Could not sync output: {}", err.toString()));
        }
        blocking(() -> writer.rotateIfDue()).onFailure(err -> LOG.warn("Could not rotate output: {}", err.toString()));
    }

    // On the same ordered worker as the writes, so the sync covers every line written before the request.
    private void onSync(Message<Object> message) {
        dirty = false;
        blocking(this::sync).onSuccess(v -> message.reply(null))
                .onFailure(err -> message.fail(500, "sync failed: " + err));
    }

    // On the writer's thread: the lines written before the sync are on disk after it.
    private void sync() throws java.io.IOException {
        long lines = writer.linesWritten();
        writer.sync();
        synced.set(lines);
    }

    private Future<Void> blocking(IoWork work) {
        return vertx.executeBlocking(() -> {
            work.run();
            return null;
        }, true);
    }

    private interface IoWork {
        void run() throws Exception;
    }
}
