package io.herald.frontier;

import io.herald.model.CrawlUrl;
import io.vertx.core.Future;

import java.util.Collection;

/**
 * A copy of this node's queue (URLs admitted and not yet done) kept outside the node, so that other nodes can take
 * its hosts over if it dies for good. Keyed by URL: one entry per queued URL. {@link ReplicatedFrontierStore} feeds
 * it at each checkpoint's commit; the cluster package implements it on Hazelcast.
 */
public interface QueueReplica {
    /**
     * Adds {@code puts} (replacing an entry of the same URL), then, once every put is in, removes {@code removals}
     * (URLs). The future completes on the caller's context (the frontier's thread) and fails if either step did;
     * a failed apply may have applied part of it, and applying it again must be harmless. Never blocks.
     */
    Future<Void> apply(Collection<CrawlUrl> puts, Collection<String> removals);
}
