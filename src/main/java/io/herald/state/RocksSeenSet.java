package io.herald.state;

import io.herald.frontier.SeenSet;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@link SeenSet} on RocksDB. The key is the 128-bit MD5 digest of the normalised URL: a fixed 16 bytes instead
 * of a URL of 60 to 200, so the set on disk, its compactions and its cache share are a fraction of the size, and
 * two of ten million URLs share a digest with odds near 10^-25 (a collision would only make one URL be skipped).
 * A {@link SeenFilter} on the heap answers most "never seen" lookups without a read; it is rebuilt from the keys
 * when the store is opened. Additions share the store's pending batch, so a URL is never recorded as seen
 * without its queue entry (or the other way round). Single-threaded, like the frontier.
 */
public final class RocksSeenSet implements SeenSet {
    private static final String COUNT = "seen.count";
    private static final byte[] PRESENT = new byte[0];

    private final StateDb db;
    private final ColumnFamilyHandle seen;
    private final MessageDigest md5;
    private final SeenFilter filter;
    private long size;

    /** @param filterBytes heap for the filter in front of the store; 0 for none (every lookup reads) */
    public RocksSeenSet(StateDb db, long filterBytes) {
        this.db = db;
        this.seen = db.family("seen");
        this.md5 = md5();
        String count = db.meta(COUNT);
        size = count == null ? 0 : Long.parseLong(count);
        filter = filterBytes > 0 ? load(new SeenFilter(filterBytes)) : null;
        db.beforeFlush(() -> db.putMeta(COUNT, Long.toString(size)));
    }

    private SeenFilter load(SeenFilter empty) {
        try (RocksIterator it = db.iterator(seen)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                ByteBuffer key = ByteBuffer.wrap(it.key());
                empty.add(key.getLong(0), key.getLong(8));
            }
        }
        return empty;
    }

    @Override
    public boolean add(String normalizedUrl) {
        byte[] key = md5.digest(normalizedUrl.getBytes(StandardCharsets.UTF_8));
        long h1 = ByteBuffer.wrap(key).getLong(0);
        long h2 = ByteBuffer.wrap(key).getLong(8);
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
    public long size() {
        return size;
    }

    /** Heap held by the filter, for the log line at start. */
    public long filterBytes() {
        return filter == null ? 0 : filter.sizeBytes();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has MD5", e);
        }
    }
}
