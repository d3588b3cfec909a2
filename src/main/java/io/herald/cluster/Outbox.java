package io.herald.cluster;

import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * URLs waiting to reach the nodes that own their hosts. Per owner, at most one batch is on its way; the next leaves
 * when the owner has acknowledged it (having admitted its URLs), so a slow owner slows its senders instead of
 * filling their memory: the URLs wait here, and {@link ClusterShare#holdBack} stops the sender's fetching while too
 * many wait. A batch that fails (the owner is down or does not answer in time) is sent again after a pause, so a URL
 * leaves only once acknowledged (at least once: the owner's seen set drops a repeat). Single-threaded (the cluster
 * context's).
 */
final class Outbox<T> {
    /** Sends one batch to a node; the future completes when the node has admitted it. */
    interface Transport<T> {
        Future<?> send(String node, List<T> batch);
    }

    private final Transport<T> transport;
    private final int batchSize;
    private final LongConsumer retryLater;
    private final Consumer<List<T>> delivered;
    private final Map<String, ArrayDeque<T>> waiting = new HashMap<>();
    private final Set<String> sending = new HashSet<>();
    /** Concurrent: /health reads it from the monitor's thread. */
    private final Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The ring's nodes once it has changed (null before): nothing goes to a node outside it. */
    private Set<String> ring;
    private Function<T, String> route;

    /**
     * @param retryLater schedules {@link #retry} after a pause (its argument: the pause in ms)
     * @param delivered  told of each acknowledged batch
     */
    Outbox(Transport<T> transport, int batchSize, LongConsumer retryLater, Consumer<List<T>> delivered) {
        this.transport = transport;
        this.batchSize = batchSize;
        this.retryLater = retryLater;
        this.delivered = delivered;
    }

    void add(String node, T url) {
        if (ring != null && !ring.contains(node)) {
            node = route.apply(url);
        }
        waiting.computeIfAbsent(node, n -> new ArrayDeque<>()).add(url);
        flush(node);
    }

    /**
     * The ring changed to {@code nodes}: what waits for a node outside it (dropped) goes to {@code owner}'s answer
     * instead, and so does a batch on its way to one that fails (one it acknowledged is in the queue it left behind,
     * which the others take over). {@code owner} answers only nodes of the ring.
     */
    void reroute(Set<String> nodes, Function<T, String> owner) {
        ring = Set.copyOf(nodes);
        route = owner;
        Set<String> owners = new HashSet<>();
        for (String node : List.copyOf(waiting.keySet())) {
            if (!ring.contains(node)) {
                for (T url : waiting.remove(node)) {
                    String to = owner.apply(url);
                    waiting.computeIfAbsent(to, n -> new ArrayDeque<>()).add(url);
                    owners.add(to);
                }
            }
        }
        failing.retainAll(ring);
        owners.forEach(this::flush); // in batches, not a URL at a time
    }

    /** Sends again to the nodes whose last batch failed. */
    void retry() {
        List<String> nodes = new ArrayList<>(failing);
        failing.clear();
        nodes.forEach(this::flush);
    }

    /** Nodes whose URLs cannot be delivered at the moment (down, or not answering). */
    Set<String> unreachable() {
        return Set.copyOf(failing);
    }

    private void flush(String node) {
        ArrayDeque<T> queue = waiting.get(node);
        if (queue == null || queue.isEmpty() || sending.contains(node) || failing.contains(node)) {
            return;
        }
        List<T> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
        while (batch.size() < batchSize && !queue.isEmpty()) {
            batch.add(queue.poll());
        }
        sending.add(node);
        transport.send(node, batch).onComplete(ar -> {
            sending.remove(node);
            if (ar.succeeded()) {
                delivered.accept(batch);
                flush(node);
            } else if (ring != null && !ring.contains(node)) {
                Set<String> owners = new HashSet<>();
                for (T url : batch) {
                    String to = route.apply(url);
                    waiting.computeIfAbsent(to, n -> new ArrayDeque<>()).add(url);
                    owners.add(to);
                }
                owners.forEach(this::flush);
            } else {
                for (int i = batch.size() - 1; i >= 0; i--) {
                    queue.addFirst(batch.get(i)); // first again, in order
                }
                if (failing.isEmpty()) {
                    retryLater.accept(RETRY_MS);
                }
                failing.add(node);
            }
        });
    }

    static final long RETRY_MS = 1000;
}
