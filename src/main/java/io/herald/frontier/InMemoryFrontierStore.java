package io.herald.frontier;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/** {@link FrontierStore} on the heap: two deques per host. Not thread-safe (one owner). */
public final class InMemoryFrontierStore implements FrontierStore {
    private final Map<String, HostQueue> queues = new HashMap<>();
    private long size;

    @Override
    public void push(CrawlUrl url) {
        queues.computeIfAbsent(url.hostKey(), k -> new HostQueue()).push(url);
        size++;
    }

    @Override
    public CrawlUrl poll(String hostKey) {
        HostQueue queue = queues.get(hostKey);
        if (queue == null) {
            return null;
        }
        CrawlUrl next = queue.poll();
        if (next != null) {
            size--;
        }
        if (queue.isEmpty()) {
            queues.remove(hostKey);
        }
        return next;
    }

    @Override
    public int size(String hostKey) {
        HostQueue queue = queues.get(hostKey);
        return queue == null ? 0 : queue.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int drop(String hostKey) {
        HostQueue queue = queues.remove(hostKey);
        int dropped = queue == null ? 0 : queue.size();
        size -= dropped;
        return dropped;
    }

    @Override
    public Collection<String> queuedHosts() {
        return List.copyOf(queues.keySet());
    }

    private static final class HostQueue {
        private final ArrayDeque<CrawlUrl> first = new ArrayDeque<>();
        private final ArrayDeque<CrawlUrl> rest = new ArrayDeque<>();

        void push(CrawlUrl url) {
            (url.via() == Via.RELATED || url.via() == Via.SEED || url.via() == Via.SITEMAP ? first : rest).addLast(url);
        }

        CrawlUrl poll() {
            return first.isEmpty() ? rest.pollFirst() : first.pollFirst();
        }

        int size() {
            return first.size() + rest.size();
        }

        boolean isEmpty() {
            return first.isEmpty() && rest.isEmpty();
        }
    }
}
