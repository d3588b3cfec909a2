package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.HttpCapture;
import io.herald.model.WarcRef;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sink's decisions, on its event loop: an article whose key was written before is a duplicate (unless it is a
 * new text and versions are on: then it is written as the next version, see {@link ArticleDeduper}); a new one claims
 * its key before it is written (so a copy that arrives meanwhile is a duplicate too) and gives it back if the write
 * fails; once the output has a fault nothing more is taken. The output is synced each second only when something was
 * written since the last sync. With {@code output.warc}, a fetch's exchange is recorded in the same order as the
 * writes, so before the article line that names it; a recorded exchange counts as written for the next sync. Plain single-threaded logic over an {@link Output} (the {@link SinkWorker}).
 *
 * <p>In a cluster, a version the deduper granted is also claimed from the {@link ArticleClaims} before it is written:
 * refused (another node has the article) it is a duplicate, and the local claim stays so it is not asked again; a
 * failed write releases the claim; a sync confirms the claims of the lines it covers. A claim that fails (the cluster
 * cannot be reached) stops the sink as a failed write does: the take fails, the deduper forgets the article, and the
 * fault (key {@code cluster}) is reported and makes every later take and sync fail, so the frontier never commits the
 * page as done and a resume fetches it again.
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

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIntake.class);
    private final ArticleDeduper deduper;
    private final SinkCounters counters;
    private final Output output;
    private final ArticleClaims claims;
    private final Consumer<Fault> claimsFailed;
    private boolean dirty;
    /** The cluster claims failed once: a fault of its own, since the output itself is fine. */
    private Fault claimsFault;
    /** Claimed keys of the lines written since the last sync was asked for, to confirm once it is done. */
    private List<String> unconfirmed = new ArrayList<>();

    ArticleIntake(ArticleDeduper deduper, SinkCounters counters, Output output) {
        this(deduper, counters, output, ArticleClaims.LOCAL, fault -> { });
    }

    /** @param claimsFailed told once when a claim fails (and the sink stops) */
    ArticleIntake(ArticleDeduper deduper, SinkCounters counters, Output output, ArticleClaims claims,
                  Consumer<Fault> claimsFailed) {
        this.deduper = deduper;
        this.counters = counters;
        this.output = output;
        this.claims = claims;
        this.claimsFailed = claimsFailed;
    }

    /** The output's first failure, else the claims', or null. */
    Fault fault() {
        Fault fault = output.fault();
        return fault != null ? fault : claimsFault;
    }

    /** True once the article is written, false for a duplicate; fails when the output has stopped or the write failed. */
    Future<Boolean> take(Article article) {
        Fault fault = fault();
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
        if (claims == ArticleClaims.LOCAL) { // alone: no key list, nothing to confirm
            return write(line, List.of());
        }
        List<String> keys = deduper.keys(line);
        return claims.claim(keys).transform(claimed -> {
            if (claimed.failed()) {
                deduper.forget(line);
                counters.failed.increment();
                claimsFailed(claimed.cause());
                return Future.failedFuture("sink stopped: article claim failed: " + claimed.cause());
            }
            if (!claimed.result()) { // another node wrote it; the local claim stays, so it is not asked again
                counters.duplicate.increment();
                return Future.succeededFuture(false);
            }
            return write(line, keys);
        });
    }

    private Future<Boolean> write(Article line, List<String> keys) {
        return output.write(line).compose(v -> {
            dirty = true;
            counters.written.increment();
            unconfirmed.addAll(keys);
            return Future.succeededFuture(true);
        }, err -> {
            deduper.forget(line);
            counters.failed.increment();
            if (!keys.isEmpty()) {
                claims.release(keys).onFailure(e -> LOG.warn("Could not release the claims of {} after its write "
                        + "failed ({}): no node will write it in this crawl", line.url(), e.toString()));
            }
            return Future.failedFuture("sink write failed: " + err);
        });
    }

    private void claimsFailed(Throwable cause) {
        if (claimsFault == null) {
            claimsFault = new Fault("cluster", "article claims", String.valueOf(cause.getMessage()), false);
            claimsFailed.accept(claimsFault);
        }
    }

    /** Where the exchange's response record starts once it is written; fails when the output has stopped. */
    Future<WarcRef> record(HttpCapture capture) {
        Fault fault = fault();
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
        if (fault() != null) {
            return;
        }
        if (dirty) {
            dirty = false;
            syncAndConfirm();
        }
        output.rotateIfDue();
    }

    /** A sync asked for (by a checkpoint): covers every line written before it. */
    Future<Void> sync() {
        Fault fault = claimsFault;
        if (fault != null) { // the output is fine, but a page whose claim failed must not be committed as done
            return Future.failedFuture("sink stopped: " + fault.reason());
        }
        dirty = false;
        return syncAndConfirm();
    }

    /** The output was closed, so synced: confirms the claims of its last lines (never fails). */
    Future<Void> closed() {
        return fault() != null ? Future.succeededFuture() : confirm(takeUnconfirmed());
    }

    // The writes asked for before the sync are done before it (one ordered worker), so it covers their lines.
    private Future<Void> syncAndConfirm() {
        List<String> covered = takeUnconfirmed();
        return output.sync().onSuccess(v -> confirm(covered));
    }

    private List<String> takeUnconfirmed() {
        List<String> keys = unconfirmed;
        unconfirmed = new ArrayList<>();
        return keys;
    }

    // Batched, and only a hint for the others: an unconfirmed claim of a live node is refused all the same.
    private Future<Void> confirm(List<String> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture();
        }
        return claims.confirm(keys).recover(e -> {
            LOG.warn("Could not confirm {} article claims: {}", keys.size(), e.toString());
            return Future.succeededFuture();
        });
    }
}
