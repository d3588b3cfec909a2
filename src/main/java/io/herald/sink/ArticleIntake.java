package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.HttpCapture;
import io.herald.model.WarcRef;
import io.vertx.core.Future;

/**
 * The sink's decisions, on its event loop: an article whose key was written before is a duplicate (unless it is a
 * new text and versions are on: then it is written as the next version, see {@link ArticleDeduper}); a new one claims
 * its key before it is written (so a copy that arrives meanwhile is a duplicate too) and gives it back if the write
 * fails; once the output has a fault nothing more is taken. The output is synced each second only when something was
 * written since the last sync. With {@code output.warc}, a fetch's exchange is recorded in the same order as the
 * writes, so before the article line that names it; a recorded exchange counts as written for the next sync. Plain single-threaded logic over an {@link Output} (the {@link SinkWorker}).
 */
final class ArticleIntake {
    /** The output as the event loop sees it: the work runs elsewhere, in the order asked. */
    interface Output {
        /** The output's first failure, or null. */
        Fault fault();

        Future<Void> write(Article article);

        /** Writes a fetch's WARC records (only with {@code output.warc}); tells where the response record starts. */
        Future<WarcRef> record(HttpCapture capture);

        Future<Void> sync();

        Future<Void> rotateIfDue();
    }

    private final ArticleDeduper deduper;
    private final SinkCounters counters;
    private final Output output;
    private boolean dirty;

    ArticleIntake(ArticleDeduper deduper, SinkCounters counters, Output output) {
        this.deduper = deduper;
        this.counters = counters;
        this.output = output;
    }

    /** True once the article is written, false for a duplicate; fails when the output has stopped or the write failed. */
    Future<Boolean> take(Article article) {
        Fault fault = output.fault();
        if (fault != null) {
            counters.failed.increment();
            return Future.failedFuture("sink stopped: " + fault.reason());
        }
        int version = deduper.claim(article);
        if (version == ArticleDeduper.DUPLICATE) {
            counters.duplicate.increment();
            return Future.succeededFuture(false);
        }
        Article line = article.withVersion(version);
        return output.write(line).compose(v -> {
            dirty = true;
            counters.written.increment();
            return Future.succeededFuture(true);
        }, err -> {
            deduper.forget(line);
            counters.failed.increment();
            return Future.failedFuture("sink write failed: " + err);
        });
    }

    /** Where the exchange's response record starts once it is written; fails when the output has stopped. */
    Future<WarcRef> record(HttpCapture capture) {
        Fault fault = output.fault();
        if (fault != null) {
            return Future.failedFuture("sink stopped: " + fault.reason());
        }
        return output.record(capture).compose(ref -> {
            dirty = true;
            return Future.succeededFuture(ref);
        }, err -> Future.failedFuture("WARC write failed: " + err));
    }

    /** The periodic work: a sync when something was written since the last one, and rotation by time. */
    void everySecond() {
        if (output.fault() != null) {
            return;
        }
        if (dirty) {
            dirty = false;
            output.sync();
        }
        output.rotateIfDue();
    }

    /** A sync asked for (by a checkpoint): covers every line written before it. */
    Future<Void> sync() {
        dirty = false;
        return output.sync();
    }
}
