package io.herald.state;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.IndexType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded RocksDB of one crawl, with one column family per kind of record ({@code queue},
 * {@code inflight}, {@code seen}, {@code hosts}, {@code meta}, {@code articles}, {@code politeness}, and
 * {@code recrawl}, a continuous crawl's hub schedules, which an older store gains when opened).
 *
 * <p>Every change goes into one pending batch (a {@link WriteBatchWithIndex}, so reads see it) that is
 * written to the database as a whole by {@link #flush}: when it grows large, at each checkpoint and on
 * close. RocksDB writes a batch atomically and replays its log in order after a crash, so what survives a
 * crash is always a prefix of the changes in the order they were made; that is what lets "this URL is done"
 * imply "the links it produced are queued". A flush does not fsync; the argument in
 * {@code docs/operations.md} says why that is enough against {@code kill -9} and what a power loss costs.
 *
 * <p>Native memory is bounded by one LRU block cache that the write buffers are charged to. Not
 * thread-safe: one owner (the frontier's event loop), plus open/close from the app; the only exception is the
 * pair {@link #getDirect}/{@link #writeDirect}, which bypass the batch and which the sink's keys use.
 */
public final class StateDb implements AutoCloseable {
    private static final int FLUSH_OPS = 4096;
    private static final String FORMAT_KEY = "state.format";
    private static final String FORMAT = "2";
    private static final List<String> FAMILIES = List.of("default", "queue", "inflight", "seen", "hosts", "meta",
            "articles", "politeness", "recrawl");

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<Runnable> beforeFlush = new ArrayList<>();
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
    private final WriteOptions writeOptions = new WriteOptions();
    private final ReadOptions readOptions = new ReadOptions();
    private boolean closed;

    private StateDb(Path dir, long cacheBytes) throws RocksDBException {
        this.dir = dir;
        LRUCache cache = keep(new LRUCache(cacheBytes));
        DBOptions options = keep(new DBOptions()).setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setWriteBufferManager(keep(new WriteBufferManager(cacheBytes / 2, cache)))
                .setMaxBackgroundJobs(2).setKeepLogFileNum(3).setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                // No preallocated log space: a full disk then fails the next state write that needs a block, so the
                // crawl stops at once, rather than a megabyte of reserved log later or only at close.
                .setAllowFAllocate(false);
        ColumnFamilyOptions common = familyOptions(cache, cacheBytes);
        // Nearly every read of the seen set that gets past the heap filter finds its key, and a key found
        // needs no filter on the last level, which would hold most of the filter memory.
        ColumnFamilyOptions seen = familyOptions(cache, cacheBytes).setOptimizeFiltersForHits(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : FAMILIES) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8),
                    name.equals("seen") || name.equals("articles") ? seen : common));
        }
        try {
            db = RocksDB.open(options, dir.toString(), descriptors, handles);
        } catch (RocksDBException | RuntimeException e) {
            releaseOptions(); // e.g. the folder is in use: a refused open must not leak the native options
            throw e;
        }
    }

    /**
     * Index and filter blocks are charged to the one cache, so native memory stays bounded however large the
     * store grows. They are partitioned, with only the small top level pinned: a whole index block of a large
     * file is hundreds of KB, and once data blocks had pushed it out of the cache every seek read and
     * decompressed it again (three quarters of the drain's time at 10 million URLs). Level 0's are pinned,
     * because every read consults every level-0 file. The sets of digests ({@code seen},
 * {@code articles}) are read mostly for keys they hold: the heap filter in front has answered the rest.
     */
    private ColumnFamilyOptions familyOptions(LRUCache cache, long cacheBytes) {
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache)
                .setFilterPolicy(keep(new BloomFilter(10, false))).setCacheIndexAndFilterBlocks(true)
                .setIndexType(IndexType.kTwoLevelIndexSearch).setPartitionFilters(true).setMetadataBlockSize(4096)
                .setPinTopLevelIndexAndFilter(true).setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        return keep(new ColumnFamilyOptions()).setTableFormatConfig(table)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(Math.max(1L << 20, Math.min(cacheBytes / 4, 64L << 20)));
    }

    /**
     * Opens (or creates) the store in {@code dir}.
     *
     * @param cacheBytes native memory for the block cache, half of which the write buffers may use
     * @throws StateException if it cannot be opened, e.g. because another process has it open
     */
    public static StateDb open(Path dir, long cacheBytes) {
        try {
            Files.createDirectories(dir);
            StateDb db = new StateDb(dir, cacheBytes);
            db.checkFormat();
            return db;
        } catch (IOException e) {
            throw new StateException("state.dir " + dir + " cannot be created (" + e + "): point state.dir at a"
                    + " writable folder");
        } catch (RocksDBException e) {
            String why = String.valueOf(e.getMessage());
            throw new StateException(why.contains("lock") ? "state.dir " + dir + " is in use by another herald"
                    + " process: stop that one first, or point state.dir at another folder (" + why + ")"
                    : "state.dir " + dir + " cannot be opened: " + why);
        }
    }

    /**
     * Records the layout version in a new store, or checks it: a store written with another layout (format 1 kept
     * whole URLs as seen-set keys) would be misread, so it is refused with the way out rather than half-used.
     */
    private void checkFormat() {
        String format = meta(FORMAT_KEY);
        if (format == null && isEmpty()) {
            putMeta(FORMAT_KEY, FORMAT);
            flush();
        } else if (!FORMAT.equals(format)) {
            close();
            throw new StateException("state.dir " + dir + " has layout " + (format == null ? "1" : format)
                    + ", this Herald reads layout " + FORMAT + ". Run with --fresh to start over (the old state and"
                    + " output are moved aside).");
        }
    }

    private boolean isEmpty() {
        for (ColumnFamilyHandle handle : handles) {
            try (RocksIterator it = db.newIterator(handle, readOptions)) {
                it.seekToFirst();
                if (it.isValid()) {
                    return false;
                }
            }
        }
        return true;
    }

    ColumnFamilyHandle family(String name) {
        return handles.get(FAMILIES.indexOf(name));
    }

    public Path dir() {
        return dir;
    }

    /** Runs {@code hook} before each flush, so owners can add their counters to the same atomic write. */
    void beforeFlush(Runnable hook) {
        beforeFlush.add(hook);
    }

    byte[] get(ColumnFamilyHandle cf, byte[] key) {
        try {
            return batch.getFromBatchAndDB(db, cf, readOptions, key);
        } catch (RocksDBException e) {
            throw new StateException("state read failed: " + e.getMessage());
        }
    }

    void put(ColumnFamilyHandle cf, byte[] key, byte[] value) {
        try {
            batch.put(cf, key, value);
        } catch (RocksDBException e) {
            throw new StateException("state write failed: " + e.getMessage());
        }
    }

    void delete(ColumnFamilyHandle cf, byte[] key) {
        try {
            batch.delete(cf, key);
        } catch (RocksDBException e) {
            throw new StateException("state write failed: " + e.getMessage());
        }
    }

    /**
     * Deletes the keys in [{@code from}, {@code to}) with one range tombstone, after writing the pending batch
     * (a range delete cannot be part of it), so the order of changes is kept.
     */
    void deleteRange(ColumnFamilyHandle cf, byte[] from, byte[] to) {
        flush();
        try (WriteBatch range = new WriteBatch()) {
            range.deleteRange(cf, from, to);
            db.write(writeOptions, range);
        } catch (RocksDBException e) {
            throw new StateException("state write failed: " + e.getMessage());
        }
    }

    /** An iterator over the database with the pending batch laid over it; close it before the next change. */
    RocksIterator iterator(ColumnFamilyHandle cf) {
        return batch.newIteratorWithBase(cf, db.newIterator(cf, readOptions), readOptions);
    }

    /**
     * Reads past the pending batch, straight from the database: for the sink's keys, which another thread owns
     * and which never go through the batch. Thread-safe.
     */
    byte[] getDirect(ColumnFamilyHandle cf, byte[] key) {
        try {
            return db.get(cf, readOptions, key);
        } catch (RocksDBException e) {
            throw new StateException("state read failed: " + e.getMessage());
        }
    }

    /**
     * Writes {@code changes} at once as one atomic batch, past the pending batch (see {@link #getDirect}). Still
     * in order with every other write: RocksDB logs them all in one sequence, so a crash keeps a prefix of both
     * kinds together. Thread-safe.
     */
    void writeDirect(Changes changes) {
        try (WriteBatch direct = new WriteBatch()) {
            changes.into(direct);
            db.write(writeOptions, direct);
        } catch (RocksDBException e) {
            throw new StateException("state write failed: " + e.getMessage());
        }
    }

    /** Changes for {@link #writeDirect}. */
    interface Changes {
        void into(WriteBatch batch) throws RocksDBException;
    }

    /** Flushes when the pending batch has grown large. */
    void flushIfLarge() {
        if (batch.count() >= FLUSH_OPS) {
            flush();
        }
    }

    /** Writes the pending batch to the database as one atomic write. */
    public void flush() {
        beforeFlush.forEach(Runnable::run);
        if (batch.count() == 0) {
            return;
        }
        try {
            db.write(writeOptions, batch);
            batch.clear();
        } catch (RocksDBException e) {
            throw new StateException("state write failed: " + e.getMessage());
        }
    }

    /** A value of the {@code meta} family as text, or null. */
    public String meta(String key) {
        byte[] value = get(family("meta"), key.getBytes(StandardCharsets.UTF_8));
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Sets a {@code meta} value; part of the next flush. */
    public void putMeta(String key, String value) {
        put(family("meta"), key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    /** Approximate bytes on disk (SST files and logs); only the frontier benchmark (src/test) reports it. */
    public long diskBytes() {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Flushes, then closes the database. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            release();
        }
    }

    /**
     * What {@code kill -9} does to the store: the pending batch is lost, written batches stay. Only tests call it: it
     * is how they simulate a crash in-process (the store's tests of what a crash keeps), which no other method can.
     */
    void closeWithoutFlush() {
        release();
    }

    private void release() {
        if (closed) {
            return;
        }
        closed = true;
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        releaseOptions();
    }

    private void releaseOptions() {
        batch.close();
        writeOptions.close();
        readOptions.close();
        for (int i = resources.size() - 1; i >= 0; i--) {
            closeQuietly(resources.get(i));
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // native handles; nothing useful to do if one fails to close at exit
        }
    }
}
