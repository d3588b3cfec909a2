package io.herald.sink;

import io.herald.config.OutputConfig;
import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.LocalCodec;
import io.herald.util.DiskFull;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns the output folder: takes {@link Article}s on {@link Addresses#SINK_WRITE}, replies TRUE when one
 * is written and FALSE when it is a duplicate. Dedup runs on the event loop; disk work runs in order on a
 * worker ({@code executeBlocking(…, true)}), so the event loop never waits for the disk and the writer
 * is used by one thread at a time. Syncs to disk each second that saw a write, on {@link Addresses#SINK_SYNC}
 * and on stop; closes a file whose {@code rotateInterval} has passed even when no line comes.
 *
 * <p>A failed write, sync or rotation (a full disk, say) is a {@link Fault}, published once on
 * {@link Addresses#CRAWL_FAULT}, and it sticks: from then on every write and every sync fails. That is what keeps
 * the state consistent with the output: the frontier commits finished URLs only after a sync succeeds, so no URL
 * whose article could not be written is ever committed as done, and a resumed crawl fetches it again.
 */
public final class SinkVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SinkVerticle.class);
    private final OutputConfig config;
    private final SinkCounters counters;
    private final ArticleDeduper deduper;
    private final AtomicLong synced = new AtomicLong(); // set on the writer's thread, read by any
    private volatile long found;
    private JsonLinesWriter writer;
    private MessageConsumer<Article> consumer;
    private MessageConsumer<Object> syncConsumer;
    private boolean dirty;
    /** Set on the writer's thread before the failure is answered, so every later sync sees it. */
    private volatile Fault fault;
    private boolean faultReported;

    /** Keys of written articles on the heap: all earlier output is read back at start. */
    public SinkVerticle(OutputConfig config, MeterRegistry registry) {
        this(config, new InMemoryWrittenKeys(), registry);
    }

    /** @param keys where the keys of written articles are kept (durable ones spare reading old output back) */
    public SinkVerticle(OutputConfig config, WrittenKeys keys, MeterRegistry registry) {
        this.config = config;
        this.deduper = new ArticleDeduper(keys);
        this.counters = new SinkCounters(registry);
        counters.registerSynced(registry, synced);
    }

    /**
     * Articles earlier runs of the crawl wrote, as the sink knows them when it starts (the keys kept in the state
     * plus the lines read back, or every article in the output folder); valid once started.
     */
    public long articlesFound() {
        return found;
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        return blocking(() -> {
            OutputMark mark = deduper.mark();
            // Order matters when downstream jobs take closed files away: read the earlier runs' last lines back and
            // store their keys before a leftover file is compressed (and so handed on) or a new file is started.
            writer = new JsonLinesWriter(config.dir(), config.rotateBytes(), config.rotateInterval(), config.gzip(),
                    Clock.systemUTC(), lastNumberUsed(mark));
            long read = OutputReader.rememberAfter(JsonLinesWriter.existingFiles(config.dir()), mark, deduper,
                    deduper::marked);
            deduper.marked(writer.position());
            writer.compressLeftovers();
            writer.afterFileSynced(deduper::marked); // a rotated file's keys are stored before it is handed on
            writer.onRecovered(line -> {
                counters.recovered.increment();
                LOG.warn("{}", line);
            });
            found = deduper.size();
            LOG.info("Writing articles to {}; {} from earlier runs will not be written again ({} lines read back{})",
                    config.dir(), deduper.size(), read, mark == null ? "" : " after the last recorded sync");
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
            if (fault == null) {
                writer.close();
                synced.set(writer.linesWritten());
                deduper.marked(writer.position());
            } else {
                closeAfterFault();
            }
        }));
    }

    /**
     * After a fault the lines already written are still worth syncing and their keys storing; if that fails too, a
     * resume reads them back from the output, as after a crash. Either way the close must not fail the stop.
     */
    private void closeAfterFault() {
        try {
            writer.close();
            deduper.marked(writer.position());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not close the output after the fault ({}); a resume reads its last lines back", e.toString());
        }
    }

    /** The highest file number the mark says was used (0 when none): it may since have been taken away. */
    private static int lastNumberUsed(OutputMark mark) {
        if (mark == null) {
            return 0;
        }
        return mark.offset() > 0 ? mark.file() : Math.max(0, mark.file() - 1);
    }

    private void onArticle(Message<Article> message) {
        Article article = message.body();
        if (fault != null) {
            counters.failed.increment();
            message.fail(500, "sink stopped: " + fault.reason());
            return;
        }
        if (!deduper.firstTime(article)) {
            counters.duplicate.increment();
            message.reply(Boolean.FALSE);
            return;
        }
        blocking(() -> {
            ifNotFaulted();
            writeLine(article);
            recordWritten(article);
        }).onSuccess(v -> {
            dirty = true;
            counters.written.increment();
            message.reply(Boolean.TRUE);
        }).onFailure(err -> {
            deduper.forget(article);
            counters.failed.increment();
            LOG.warn("Could not write article {}: {}", article.url(), err.toString());
            message.fail(500, "sink write failed: " + err);
            reportFault();
        });
    }

    private void writeLine(Article article) throws IOException {
        try {
            writer.writeLine(ArticleJson.line(article));
        } catch (IOException e) {
            faulted("output.dir", config.dir().toString(), e);
            throw e;
        }
    }

    private void ifNotFaulted() throws IOException {
        if (fault != null) {
            throw new IOException("the output stopped after an earlier failure: " + fault.reason());
        }
    }

    // Writer thread: the first failure is the one reported.
    private void faulted(String key, String value, Exception e) {
        if (fault == null) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            fault = new Fault(key, value, error, DiskFull.causes(e));
        }
    }

    // Event loop: publish once, for the runner to stop the crawl and /health to say why.
    private void reportFault() {
        if (fault != null && !faultReported) {
            faultReported = true;
            LOG.error("output stopped: {}", fault.reason());
            vertx.eventBus().publish(Addresses.CRAWL_FAULT, fault, LocalCodec.OPTIONS);
        }
    }

    private void everySecond() {
        if (fault != null) {
            return;
        }
        if (dirty) {
            dirty = false;
            blocking(this::syncAndMark).onFailure(err -> {
                LOG.warn("Could not sync output: {}", err.toString());
                reportFault();
            });
        }
        blocking(this::rotateIfDue).onFailure(err -> {
            LOG.warn("Could not rotate output: {}", err.toString());
            reportFault();
        });
    }

    private void rotateIfDue() throws IOException {
        ifNotFaulted();
        try {
            writer.rotateIfDue();
        } catch (IOException e) {
            faulted("output.dir", config.dir().toString(), e);
            throw e;
        }
    }

    // On the same ordered worker as the writes, so the sync covers every line written before the request.
    private void onSync(Message<Object> message) {
        dirty = false;
        blocking(this::syncAndMark).onSuccess(v -> message.reply(null))
                .onFailure(err -> {
                    message.fail(500, "sync failed: " + err);
                    reportFault();
                });
    }

    // The line is out: a failure to record its key must not turn into "write failed" (and a second copy).
    private void recordWritten(Article article) {
        try {
            deduper.written(article);
        } catch (RuntimeException e) {
            LOG.warn("Article {} is written but its key could not be recorded: {}", article.url(), e.toString());
        }
    }

    // Writer thread only: every line before the position is written and its key recorded; after the sync they
    // are on the disk, which is when their keys may be stored and the synced count may include them.
    private void syncAndMark() throws IOException {
        ifNotFaulted();
        long lines = writer.linesWritten();
        try {
            writer.sync();
        } catch (IOException e) {
            faulted("output.dir", config.dir().toString(), e);
            throw e;
        }
        synced.set(lines);
        try {
            deduper.marked(writer.position());
        } catch (RuntimeException e) { // the keys live in the state, which may be the full disk
            faulted("state.dir", null, e);
            throw e;
        }
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
