package io.herald.state;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * A Bloom filter of fixed size in front of the seen set: "not seen" answered from the heap, without a store
 * read, which is the answer for nearly every new link a crawl finds. It is fed a 128-bit digest, whose two
 * halves give the probe positions by double hashing (Kirsch and Mitzenmacher), so no second hash is computed.
 *
 * <p>Its size is set, not grown: with more URLs than it was sized for it answers "maybe" more often and the
 * store is asked more often, but it is never wrong about "not seen" and never takes more heap.
 */
final class SeenFilter {
    /** Probes per key: the best count near 10 to 16 bits per URL, where a sensible size puts a large crawl. */
    private static final int PROBES = 7;

    private final long[] words;
    private final long bits;

    /** @param bytes heap for the bit array, at least 8 */
    SeenFilter(long bytes) {
        if (bytes < 8 || bytes / 8 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("seen filter size out of range: " + bytes);
        }
        words = new long[(int) (bytes / 8)];
        bits = words.length * 64L;
    }

    /** A filter of {@code bytes} holding every {@link Md5Key} of {@code family}, read from the store. */
    static SeenFilter of(StateDb db, ColumnFamilyHandle family, long bytes) {
        SeenFilter filter = new SeenFilter(bytes);
        try (RocksIterator it = db.iterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                filter.add(Md5Key.high(key), Md5Key.low(key));
            }
        }
        return filter;
    }

    void add(long h1, long h2) {
        for (int i = 0; i < PROBES; i++) {
            long bit = index(h1, h2, i);
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    /** False when the key was certainly never added; true when it may have been. */
    boolean mightContain(long h1, long h2) {
        for (int i = 0; i < PROBES; i++) {
            long bit = index(h1, h2, i);
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    long sizeBytes() {
        return words.length * 8L;
    }

    private long index(long h1, long h2, int i) {
        return Long.remainderUnsigned(h1 + i * h2, bits);
    }
}
