package io.herald.sink;

import io.vertx.core.Future;

import java.util.List;

/**
 * Claims on article keys shared by every node of a cluster, so that no article is written by two nodes: when a host
 * changes owner, its new owner does not have the old owner's written keys and may fetch a page again whose article
 * the old owner wrote. The sink asks after its own {@link ArticleDeduper} has granted a version and before it writes
 * the line; keys are given as {@link ArticleDeduper} builds them (the article's key, or {@code key#vN}; with versions
 * on also {@code key#<contentHash>}). A single crawl uses {@link #LOCAL}, which grants everything.
 *
 * <p>Called on the sink's event loop; the futures complete on it.
 */
public interface ArticleClaims {
    /** One process alone: its written keys decide everything, so every claim is granted (and never asked for). */
    ArticleClaims LOCAL = new ArticleClaims() {
        @Override
        public Future<Boolean> claim(List<String> keys) {
            return Future.succeededFuture(true);
        }

        @Override
        public Future<Void> release(List<String> keys) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> confirm(List<String> keys) {
            return Future.succeededFuture();
        }

        @Override
        public String toString() {
            return "local article claims";
        }
    };

    /**
     * Claims all of {@code keys} for this node: true when granted (none is held by another node; keys this node
     * already holds are granted again), false when another node holds one (its article is written there, or is being
     * written), in which case none is kept. Fails when the claims cannot be reached: then nothing is known.
     */
    Future<Boolean> claim(List<String> keys);

    /** The line of granted {@code keys} could not be written: another node may claim them. */
    Future<Void> release(List<String> keys);

    /** The lines of granted {@code keys} are synced to this node's output: the claims are final. */
    Future<Void> confirm(List<String> keys);
}
