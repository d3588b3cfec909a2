package io.herald.cluster;

import io.vertx.core.Future;

import java.util.function.Predicate;

/**
 * Takes over the queue a node left behind when it was dropped from the ring: the URLs of it whose hosts this node now
 * owns are admitted here (committed before the future completes). Repeating it is harmless (the seen set drops what
 * was admitted already), so a node that restarts does it again.
 */
public interface QueueTakeover {
    /** Nothing is replicated: a dropped node's queue is not recovered (its hosts start from what others send). */
    QueueTakeover NONE = (node, owns) -> Future.succeededFuture();

    /** @param ownsHostKey true for a host this node owns under the newest ring */
    Future<Void> takeOver(String droppedNode, Predicate<String> ownsHostKey);
}
