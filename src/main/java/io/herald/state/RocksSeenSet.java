package io.herald.state;

import io.herald.frontier.SeenSet;
import org.rocksdb.ColumnFamilyHandle;

import java.nio.charset.StandardCharsets;

/**
 * {@link SeenSet} on RocksDB: the normalised URL's bytes are the key (exact, so no two URLs can collide),
 * the value is empty. A lookup of a URL never seen is answered by the Bloom filters in memory without
 * touching the disk, which is the common case for a frontier. Its additions share the store's pending
 * batch, so a URL is never recorded as seen without its queue entry (or the other way round).
 */
public final class RocksSeenSet implements SeenSet {
    private static final String COUNT = "seen.count";
    private static final byte[] PRESENT = new byte[0];

    private final StateDb db;
    private final ColumnFamilyHandle seen;
    private long size;

    public RocksSeenSet(StateDb db) {
        this.db = db;
        this.seen = db.family("seen");
        String count = db.meta(COUNT);
        size = count == null ? 0 : Long.parseLong(count);
        db.beforeFlush(() -> db.putMeta(COUNT, Long.toString(size)));
    }

    @Override
    public boolean add(String normalizedUrl) {
        byte[] key = normalizedUrl.getBytes(StandardCharsets.UTF_8);
        if (db.get(seen, key) != null) {
            return false;
        }
        db.put(seen, key, PRESENT);
        size++;
        db.flushIfLarge();
        return true;
    }

    @Override
    public long size() {
        return size;
    }
}
