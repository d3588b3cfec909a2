package io.herald.state;

import io.herald.sink.OutputMark;
import io.herald.sink.WrittenKeys;
import io.herald.util.LongHashSet;
import org.rocksdb.ColumnFamilyHandle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link WrittenKeys} in the crawl's store: the {@link Md5Key}s of written articles in the {@code articles}
 * family, with a {@link SeenFilter} in front, and the last synced {@link OutputMark}. So a restart reads back
 * only the output after that mark, and the heap holds a filter of fixed size however many articles there are.
 *
 * <p>A key goes to the store only at the sync after its line, together with the mark, in one atomic write: so
 * a stored key's line is always on the disk, even after a power loss (the output is fsynced, RocksDB's log may
 * lag behind it but never runs ahead of it). Lines written after the last mark are read back at start. Keys
 * claimed or written since the last sync are held in memory: one sync interval's worth.
 *
 * <p>The sink owns these keys, on its own threads, so they bypass the frontier's pending batch
 * ({@link StateDb#writeDirect}); RocksDB logs both kinds of write in one order. Methods are synchronized:
 * claims come from the sink's event loop, records and marks from its writer thread.
 */
public final class RocksWrittenKeys implements WrittenKeys {
    private static final byte[] MARK = "sink.mark".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COUNT = "sink.articles".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PRESENT = new byte[0];

    private final StateDb db;
    private final ColumnFamilyHandle articles;
    private final ColumnFamilyHandle meta;
    private final Md5Key md5 = new Md5Key();
    private final SeenFilter filter;
    /** Claimed and not yet stored: by the digest's first half (few at a time, so no collision). */
    private final LongHashSet pending = new LongHashSet();
    /** Written, to be stored at the next mark. */
    private final List<byte[]> unsynced = new ArrayList<>();
    private final OutputMark mark;
    /** Keys in the store, written with them so that it is exact after any crash. */
    private long recorded;

    /** Opened before the sink starts (on the app's thread). @param filterBytes heap for the filter; 0 for none */
    public RocksWrittenKeys(StateDb db, long filterBytes) {
        this.db = db;
        this.articles = db.family("articles");
        this.meta = db.family("meta");
        this.filter = filterBytes > 0 ? SeenFilter.of(db, articles, filterBytes) : null;
        this.mark = parseMark(db.getDirect(meta, MARK));
        byte[] count = db.getDirect(meta, COUNT);
        this.recorded = count == null ? 0 : Long.parseLong(new String(count, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized boolean claim(String key) {
        byte[] digest = md5.of(key);
        long h1 = Md5Key.high(digest);
        long h2 = Md5Key.low(digest);
        if (pending.contains(h1)) {
            return false;
        }
        boolean maybeWritten = filter == null || filter.mightContain(h1, h2);
        if (maybeWritten && db.getDirect(articles, digest) != null) {
            return false;
        }
        if (filter != null) {
            filter.add(h1, h2);
        }
        pending.add(h1);
        return true;
    }

    @Override
    public synchronized void recorded(String key) {
        unsynced.add(md5.of(key));
    }

    @Override
    public synchronized void release(String key) {
        pending.remove(Md5Key.high(md5.of(key)));
    }

    @Override
    public synchronized long size() {
        return recorded + pending.size();
    }

    /** The mark recorded by the last run, read once at open: it tells the sink where to start reading back. */
    @Override
    public OutputMark mark() {
        return mark;
    }

    @Override
    public synchronized void marked(OutputMark at) {
        byte[] value = (at.file() + ":" + at.offset()).getBytes(StandardCharsets.UTF_8);
        byte[] count = Long.toString(recorded + unsynced.size()).getBytes(StandardCharsets.UTF_8);
        db.writeDirect(batch -> {
            for (byte[] digest : unsynced) {
                batch.put(articles, digest, PRESENT);
            }
            batch.put(meta, COUNT, count);
            batch.put(meta, MARK, value);
        });
        recorded += unsynced.size();
        unsynced.forEach(digest -> pending.remove(Md5Key.high(digest)));
        unsynced.clear();
    }

    private static OutputMark parseMark(byte[] value) {
        if (value == null) {
            return new OutputMark(0, 0); // a new crawl: every output file (of an earlier, state-less run) is read
        }
        String[] parts = new String(value, StandardCharsets.UTF_8).split(":");
        return new OutputMark(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
    }
}
