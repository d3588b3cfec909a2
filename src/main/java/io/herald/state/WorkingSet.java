package io.herald.state;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The next few queued entries of recently polled hosts, read from the store a batch at a time so that a
 * poll is usually a memory read (BUbiNG's workbench idea). Bounded by a total number of entries; the
 * least recently used host's entries are dropped first. Each host's entries are the first of its key range,
 * in order: a push that sorts before the last of them (a related link behind which ordinary links were
 * read ahead) drops the host's entries, and the next poll reads them again.
 */
final class WorkingSet {
    record Entry(byte[] key, byte[] value) {
    }

    private final int limit;
    private final LinkedHashMap<String, ArrayDeque<Entry>> hosts = new LinkedHashMap<>(64, 0.75f, true);
    private int total;

    WorkingSet(int limit) {
        this.limit = limit;
    }

    /**
     * Read-ahead per host: the working set shared among the hosts that have queued URLs, at most 32. With few
     * hosts a poll is nearly always a memory read; with more hosts than the set holds, each read fetches just
     * the next URL, so reading ahead never costs more than it saves.
     */
    int batchSize(long activeHosts) {
        return (int) Math.max(1, Math.min(32, limit / Math.max(1, activeHosts)));
    }

    /** The host's next entry, removed, or null when none is held. */
    Entry take(String host) {
        ArrayDeque<Entry> entries = hosts.get(host);
        if (entries == null) {
            return null;
        }
        Entry next = entries.poll();
        total--;
        if (entries.isEmpty()) {
            hosts.remove(host);
        }
        return next;
    }

    void fill(String host, List<Entry> entries) {
        drop(host);
        if (entries.isEmpty()) {
            return;
        }
        hosts.put(host, new ArrayDeque<>(entries));
        total += entries.size();
        Iterator<Map.Entry<String, ArrayDeque<Entry>>> eldest = hosts.entrySet().iterator();
        while (total > limit && eldest.hasNext()) {
            Map.Entry<String, ArrayDeque<Entry>> e = eldest.next();
            if (!e.getKey().equals(host)) {
                total -= e.getValue().size();
                eldest.remove();
            }
        }
    }

    /** A key was queued for {@code host}: keeps the held entries only if they still are the first ones. */
    void queued(String host, byte[] key) {
        ArrayDeque<Entry> entries = hosts.get(host);
        if (entries != null && QueueKeys.compare(key, entries.peekLast().key()) < 0) {
            drop(host);
        }
    }

    void drop(String host) {
        ArrayDeque<Entry> entries = hosts.remove(host);
        if (entries != null) {
            total -= entries.size();
        }
    }

    int size() {
        return total;
    }
}
