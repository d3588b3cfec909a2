package io.herald.state;

import io.herald.frontier.SeenSet;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link SeenSet} on RocksDB. The key is the {@link Md5Key} of the normalised URL (a collision would only make
 * one URL be skipped). A {@link SeenFilter} on the heap answers most "never seen" lookups without a read; it
 * is rebuilt from the keys when the store is opened. Additions share the store's pending batch, so a URL is never recorded as seen
 * without its queue entry (or the other way round). Single-threaded, like the frontier.
 */
public final class RocksSeenSet implements SeenSet {
    private static final String COUNT = "seen.count";
    private static final byte[] PRESENT = new byte[0];

    private final StateDb db;
    private final ColumnFamilyHandle seen;
    private final Md5Key md5 = new Md5Key();
    private final SeenFilter filter;
    private long size;

    /** @param filterBytes heap for the filter in front of the store; 0 for none (every lookup reads) */
    public RocksSeenSet(StateDb db, long filterBytes) {
        this.db = db;
        this.seen = db.family("seen");
        String count = db.meta(COUNT);
        size = count == null ? 0 : Long.parseLong(count);
        filter = filterBytes > 0 ? SeenFilter.of(db, seen, filterBytes) : null;
        db.beforeFlush(() -> db.putMeta(COUNT, Long.toString(size)));
    }

    @Override
    public boolean add(String normalizedUrl) {
        byte[] key = md5.of(normalizedUrl);
        long h1 = Md5Key.high(key);
        long h2 = Md5Key.low(key);
        boolean maybeSeen = filter == null || filter.mightContain(h1, h2);
        if (maybeSeen && db.get(seen, key) != null) {
            return false;
        }
        if (filter != null) {
            filter.add(h1, h2);
        }
        db.put(seen, key, PRESENT);
        size++;
        db.flushIfLarge();
        return true;
    }

    @Override
    public boolean contains(String normalizedUrl) {
        byte[] key = md5.of(normalizedUrl);
        return (filter == null || filter.mightContain(Md5Key.high(key), Md5Key.low(key))) && db.get(seen, key) != null;
    }

    @Override
    public long size() {
        return size;
    }

    /** Heap held by the filter; only tests read it, to check it is what {@code state.seenFilterSize} asked for. */
    public long filterBytes() {
        return filter == null ? 0 : filter.sizeBytes();
    }
}
