package io.herald.sink;

import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.HttpCapture;
import io.herald.model.LocalCodec;
import io.herald.model.WarcRef;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link OutputSession}'s work in order on a Vert.x worker ({@code executeBlocking(…, true)}), so the event
 * loop never waits for the disk and the session is used by one thread at a time. Created and called on the sink's
 * event loop, where the session's first fault is published once on {@link Addresses#CRAWL_FAULT}.
 */
final class SinkWorker implements ArticleIntake.Output {
    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);
    private final Vertx vertx;
    private final OutputSession session;
    private boolean faultReported;

    SinkWorker(Vertx vertx, OutputSession session) {
        this.vertx = vertx;
        this.session = session;
    }

    /** The session's first failure, or null. */
    @Override
    public Fault fault() {
        return session.fault();
    }

    @Override
    public Future<Void> write(Article article) {
        return run(() -> session.write(article))
                .onFailure(err -> LOG.warn("Could not write article {}: {}", article.url(), err.toString()));
    }

    /** Writes a fetch's WARC records; the reply says where the response record starts. */
    @Override
    public Future<WarcRef> record(HttpCapture capture) {
        return vertx.<WarcRef>executeBlocking(() -> session.record(capture), true)
                .onFailure(err -> {
                    LOG.warn("Could not write the WARC records of {}: {}", capture.url(), err.toString());
                    reportFault();
                });
    }

    /** Ordered after the writes, so the sync covers every line written before it was asked for. */
    @Override
    public Future<Void> sync() {
        return run(session::syncAndMark).onFailure(err -> LOG.warn("Could not sync output: {}", err.toString()));
    }

    @Override
    public Future<Void> rotateIfDue() {
        return run(session::rotateIfDue).onFailure(err -> LOG.warn("Could not rotate output: {}", err.toString()));
    }

    Future<Void> close() {
        return run(session::close);
    }

    private Future<Void> run(IoWork work) {
        return vertx.<Void>executeBlocking(() -> {
            work.run();
            return null;
        }, true).onFailure(err -> reportFault());
    }

    // Event loop: once, for the runner to stop the crawl and /health to say why.
    private void reportFault() {
        Fault fault = session.fault();
        if (fault != null && !faultReported) {
            faultReported = true;
            LOG.error("output stopped: {}", fault.reason());
            vertx.eventBus().publish(Addresses.CRAWL_FAULT, fault, LocalCodec.OPTIONS);
        }
    }

    private interface IoWork {
        void run() throws Exception;
    }
}
