package io.herald.state;

import io.herald.frontier.FrontierStore;
import io.herald.model.CrawlUrl;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link FrontierStore} on RocksDB. Queued URLs live in the {@code queue} family under {@link QueueKeys}, so a
 * host's queue is one key range; a poll moves the entry to {@code inflight} (same key) and {@link #done}
 * removes it there at the next checkpoint. On open, whatever is still in {@code inflight} (a crash, or pages
 * not done at the last checkpoint) goes back to the queue under its old key, i.e. at the front.
 *
 * <p>In memory: per host only a count and a cursor (the smallest key that may still be queued, so a read
 * never wades through the tombstones of URLs already polled), plus a bounded {@link WorkingSet} of next
 * entries, and the keys of URLs in flight. Single-threaded, like the frontier.
 */
public final class RocksFrontierStore implements FrontierStore {
    private static final String SEQ = "queue.nextSeq";
    private static final String PAGES = "crawl.pagesStarted";

    private record Done(long seq, byte[] key) {
    }

    private static final class Host {
        long count;
        byte[] cursor;
    }

    private final StateDb db;
    private final ColumnFamilyHandle queue;
    private final ColumnFamilyHandle inflight;
    private final ColumnFamilyHandle hostCounts;
    private final WorkingSet workingSet;
    private final Map<String, Host> hosts = new HashMap<>();
    private final Set<String> dirtyHosts = new HashSet<>();
    private final Map<CrawlUrl, byte[]> inFlight = new HashMap<>();
    private final ArrayDeque<Done> awaitingCheckpoint = new ArrayDeque<>();
    private final long pagesBefore;
    private long doneSeq;
    private long nextSeq;
    private long size;
    private long activeHosts;

    public RocksFrontierStore(StateDb db, int workingSetSize) {
        this.db = db;
        this.queue = db.family("queue");
        this.inflight = db.family("inflight");
        this.hostCounts = db.family("hosts");
        this.workingSet = new WorkingSet(workingSetSize);
        String seq = db.meta(SEQ);
        nextSeq = seq == null ? 0 : Long.parseLong(seq);
        String pages = db.meta(PAGES);
        pagesBefore = pages == null ? 0 : Long.parseLong(pages);
        loadHostCounts();
        requeueInFlight();
        db.beforeFlush(this::writeCounters);
        db.flush();
    }

    private void loadHostCounts() {
        try (RocksIterator it = db.iterator(hostCounts)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                counted(new String(it.key(), StandardCharsets.UTF_8), ByteBuffer.wrap(it.value()).getLong());
            }
        }
        dirtyHosts.clear(); // just read: nothing to write back
    }

    /** URLs polled by an earlier run and never done go back to the front of their host's queue. */
    private void requeueInFlight() {
        List<byte[][]> entries = new ArrayList<>();
        try (RocksIterator it = db.iterator(inflight)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                entries.add(new byte[][] {it.key(), it.value()});
            }
        }
        for (byte[][] e : entries) {
            db.delete(inflight, e[0]);
            db.put(queue, e[0], e[1]);
            counted(QueueKeys.hostOf(e[0]), 1);
        }
    }

    @Override
    public void push(CrawlUrl url) {
        byte[] key = QueueKeys.key(url.hostKey(), url.via(), nextSeq++);
        db.put(queue, key, UrlCodec.encode(url));
        Host host = counted(url.hostKey(), 1);
        if (host.cursor != null && QueueKeys.compare(key, host.cursor) < 0) {
            host.cursor = key;
        }
        workingSet.queued(url.hostKey(), key);
        db.flushIfLarge();
    }

    @Override
    public CrawlUrl poll(String hostKey) {
        Host host = hosts.get(hostKey);
        if (host == null || host.count == 0) {
            return null;
        }
        WorkingSet.Entry next = workingSet.take(hostKey);
        if (next == null) {
            List<WorkingSet.Entry> ahead = read(hostKey, host, workingSet.batchSize(activeHosts));
            if (ahead.isEmpty()) {
                throw new StateException("state is inconsistent: host " + hostKey + " counts " + host.count
                        + " queued URLs but none is stored");
            }
            next = ahead.get(0);
            workingSet.fill(hostKey, ahead.subList(1, ahead.size()));
        }
        db.delete(queue, next.key());
        db.put(inflight, next.key(), next.value());
        counted(hostKey, -1);
        host.cursor = QueueKeys.successor(next.key());
        CrawlUrl url = UrlCodec.decode(next.value(), hostKey);
        inFlight.put(url, next.key());
        db.flushIfLarge();
        return url;
    }

    private List<WorkingSet.Entry> read(String hostKey, Host host, int max) {
        byte[] prefix = QueueKeys.prefix(hostKey);
        List<WorkingSet.Entry> entries = new ArrayList<>(max);
        try (RocksIterator it = db.iterator(queue)) {
            it.seek(host.cursor != null ? host.cursor : prefix);
            while (it.isValid() && QueueKeys.startsWith(it.key(), prefix)) {
                entries.add(new WorkingSet.Entry(it.key(), it.value()));
                if (entries.size() == max) {
                    break; // no step past the last wanted entry: the next host's range may start with tombstones
                }
                it.next();
            }
        }
        return entries;
    }

    @Override
    public int size(String hostKey) {
        Host host = hosts.get(hostKey);
        return host == null ? 0 : (int) Math.min(Integer.MAX_VALUE, host.count);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int drop(String hostKey) {
        Host host = hosts.get(hostKey);
        if (host == null || host.count == 0) {
            return 0;
        }
        workingSet.drop(hostKey);
        host.cursor = null;
        int dropped = (int) Math.min(Integer.MAX_VALUE, host.count);
        counted(hostKey, -host.count);
        // One range tombstone, however long the queue: a dead host with 100k URLs costs no more than one with 1.
        // The count is written first, so a crash in between leaves unreachable entries, never a count of
        // entries that are gone.
        byte[] prefix = QueueKeys.prefix(hostKey);
        db.deleteRange(queue, prefix, QueueKeys.rangeEnd(prefix));
        return dropped;
    }

    @Override
    public Collection<String> queuedHosts() {
        return hosts.entrySet().stream().filter(e -> e.getValue().count > 0).map(Map.Entry::getKey).toList();
    }

    @Override
    public void done(CrawlUrl url) {
        byte[] key = inFlight.remove(url);
        if (key != null) {
            awaitingCheckpoint.add(new Done(++doneSeq, key));
        }
    }

    @Override
    public Runnable checkpoint(long pagesStarted) {
        long upTo = doneSeq;
        return () -> {
            while (!awaitingCheckpoint.isEmpty() && awaitingCheckpoint.peek().seq() <= upTo) {
                db.delete(inflight, awaitingCheckpoint.poll().key());
            }
            db.putMeta(PAGES, Long.toString(pagesStarted));
            db.flush();
        };
    }

    @Override
    public long pagesStartedBefore() {
        return pagesBefore;
    }

    /** URLs held in memory by the working set (for tests and the benchmark). */
    public int workingSetSize() {
        return workingSet.size();
    }

    private Host host(String hostKey) {
        return hosts.computeIfAbsent(hostKey, k -> new Host());
    }

    private Host counted(String hostKey, long delta) {
        Host host = host(hostKey);
        if (host.count == 0 && delta > 0) {
            activeHosts++;
        } else if (host.count > 0 && host.count + delta == 0) {
            activeHosts--;
        }
        host.count += delta;
        size += delta;
        dirtyHosts.add(hostKey);
        return host;
    }

    // Runs inside every flush, so counts and the sequence are always written with the changes they count.
    private void writeCounters() {
        for (String hostKey : dirtyHosts) {
            byte[] key = hostKey.getBytes(StandardCharsets.UTF_8);
            long count = hosts.get(hostKey).count;
            if (count == 0) {
                db.delete(hostCounts, key);
            } else {
                db.put(hostCounts, key, ByteBuffer.allocate(8).putLong(count).array());
            }
        }
        dirtyHosts.clear();
        db.putMeta(SEQ, Long.toString(nextSeq));
    }
}
