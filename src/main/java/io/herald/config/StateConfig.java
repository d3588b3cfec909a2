package io.herald.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code state} section: where a crawl keeps what it needs to resume.
 *
 * @param dir                folder of the embedded store (frontier queues, seen set, crawl counters)
 * @param store              {@link Store#ROCKSDB} (durable, resumable) or {@link Store#MEMORY} (throwaway)
 * @param workingSet         queued URLs kept in memory at most, as the next few of the hosts being crawled
 * @param cacheSize          native memory for the store's block cache and write buffers
 * @param seenFilterSize     heap for the Bloom filter in front of the durable seen set; 0 for none
 * @param checkpointInterval how often finished URLs and the crawl's counters are committed, after the output is synced
 */
public record StateConfig(Path dir, Store store, int workingSet, long cacheSize, long seenFilterSize,
                          Duration checkpointInterval) {
    /** Where the frontier lives. */
    public enum Store { ROCKSDB, MEMORY }

    /** An in-memory state: nothing survives the process (tests, throwaway crawls). */
    public static StateConfig memory() {
        return new StateConfig(Path.of("state/crawl"), Store.MEMORY, 10_000, 64L << 20, 16L << 20,
                Duration.ofSeconds(1));
    }

    public boolean durable() {
        return store == Store.ROCKSDB;
    }
}
