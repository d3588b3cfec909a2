package io.herald.sink;

import io.herald.config.OutputConfig;
import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.HttpCapture;
import io.herald.model.LocalCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes {@link Article}s on {@link Addresses#SINK_WRITE}, replies TRUE when one is written and FALSE for a duplicate
 * (the {@link ArticleIntake} decides, on the event loop; the {@link OutputSession} writes on an ordered worker, through
 * the {@link SinkWorker}). Syncs each second that saw a write, on {@link Addresses#SINK_SYNC} and on stop; rotates by
 * time. The first fault is published once on {@link Addresses#CRAWL_FAULT}; from then on every write and sync fails.
 * With {@code output.warc} it also takes the exchanges of fetches on {@link Addresses#SINK_RECORD}, written on the
 * same ordered worker (so before any article line that names them), and replies where each response record starts.
 * In a cluster, {@link ArticleClaims} keep an article out of a second node's output (see {@link ArticleIntake}); a
 * claim that fails is a fault too.
 */
public final class SinkVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SinkVerticle.class);
    private final OutputConfig config;
    private final SinkCounters counters;
    private final ArticleDeduper deduper;
    private final ArticleClaims claims;
    private final AtomicLong synced = new AtomicLong(); // lines on the disk: set on the writer's thread, read by any
    private volatile long found;
    private SinkWorker worker;
    private ArticleIntake intake;
    private MessageConsumer<Article> consumer;
    private MessageConsumer<Object> syncConsumer;
    private MessageConsumer<HttpCapture> recordConsumer;
    private final Map<String, String> warcInfo;

    /**
     * @param keys     where the keys of written articles are kept (durable ones spare reading old output back)
     * @param warcInfo the fields of the {@code warcinfo} record at the head of each WARC file
     * @param versions a revisited article whose text changed is written again as its next version
     */
    public SinkVerticle(OutputConfig config, WrittenKeys keys, MeterRegistry registry, Map<String, String> warcInfo,
                        boolean versions) {
        this(config, keys, registry, warcInfo, versions, ArticleClaims.LOCAL);
    }

    /**
     * As above, in a cluster: {@code claims} are asked before each line is written, so no other node's output holds
     * the article ({@link ArticleClaims#LOCAL} for a single crawl).
     */
    public SinkVerticle(OutputConfig config, WrittenKeys keys, MeterRegistry registry, Map<String, String> warcInfo,
                        boolean versions, ArticleClaims claims) {
        this.config = config;
        this.claims = claims;
        this.warcInfo = Map.copyOf(warcInfo);
        this.deduper = new ArticleDeduper(keys, versions);
        this.counters = new SinkCounters(registry);
        counters.registerSynced(registry, synced);
    }

    /** Articles earlier runs of the crawl wrote, as the sink knows them when it starts; valid once started. */
    public long articlesFound() {
        return found;
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        return vertx.executeBlocking(() -> OutputSession.open(config, deduper, Clock.systemUTC(), synced,
                counters.recovered::increment, warcInfo), true).compose(session -> {
            worker = new SinkWorker(vertx, session);
            intake = new ArticleIntake(deduper, counters, worker, claims, this::claimsFailed);
            found = deduper.size();
            vertx.setPeriodic(1000, id -> intake.everySecond());
            syncConsumer = vertx.eventBus().consumer(Addresses.SINK_SYNC, this::onSync);
            consumer = vertx.eventBus().consumer(Addresses.SINK_WRITE, this::onArticle);
            if (config.warc()) {
                recordConsumer = vertx.eventBus().consumer(Addresses.SINK_RECORD, this::onRecord);
            }
            Future<Void> records = recordConsumer == null ? Future.succeededFuture() : recordConsumer.completion();
            return syncConsumer.completion().compose(ready -> consumer.completion()).compose(ready -> records);
        });
    }

    @Override
    public Future<?> stop() { // stop taking articles first, so none is queued behind the close
        Future<Void> records = recordConsumer == null ? Future.succeededFuture() : recordConsumer.unregister();
        return consumer.unregister().compose(v -> records).compose(v -> syncConsumer.unregister())
                .compose(v -> worker.close()).compose(v -> intake.closed());
    }

    // As an output fault: once, for the runner to stop the crawl and /health to say why.
    private void claimsFailed(Fault fault) {
        LOG.error("sink stopped: {}", fault.reason());
        vertx.eventBus().publish(Addresses.CRAWL_FAULT, fault, LocalCodec.OPTIONS);
    }

    private void onArticle(Message<Article> message) {
        intake.take(message.body()).onSuccess(message::reply).onFailure(err -> message.fail(500, err.getMessage()));
    }

    private void onRecord(Message<HttpCapture> message) {
        intake.record(message.body()).onSuccess(ref -> message.reply(ref, LocalCodec.OPTIONS))
                .onFailure(err -> message.fail(500, err.getMessage()));
    }

    private void onSync(Message<Object> message) {
        intake.sync().onSuccess(v -> message.reply(null)).onFailure(err -> message.fail(500, "sync failed: " + err));
    }
}
