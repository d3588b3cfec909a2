package io.herald.cluster;

import io.herald.frontier.HostShare;
import io.herald.model.Addresses;
import io.herald.model.CrawlUrl;
import io.herald.model.HandedOver;
import io.herald.model.LocalCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's share of the hosts, as the frontier sees it ({@link HostShare}): owns what the {@link HostRing} gives
 * it, hands the rest to the {@link Outbox}, and learns from the {@link ClusterNode} when the whole crawl is over.
 * Each URL handed over gets a sequence number; a page is marked done only once every URL handed over up to its own
 * are acknowledged (the owner acknowledges after its state has committed them), so a crash of either node loses
 * none: the sender crawls the page again, or the owner has the URL on disk. The frontier calls it on its thread; the
 * outbox and the cluster's messages run on the cluster's context; what both touch is concurrent.
 */
public final class ClusterShare implements HostShare {
    /** URLs waiting for their owners beyond which this node fetches nothing new until they drain. */
    static final int HOLD_BACK = 20_000;
    private static final int BATCH = 500;

    /** A URL on its way to its owner, with its sequence number. */
    record Handed(long seq, CrawlUrl url) {
    }

    /** Work held until every URL handed over up to {@code upTo} is acknowledged. */
    private record Waiter(long upTo, Runnable then) {
    }

    private final String self;
    private final HostRing ring;
    private final Context context;
    private final Outbox<Handed> outbox;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final ConcurrentSkipListSet<Long> unacknowledged = new ConcurrentSkipListSet<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> released = new ConcurrentLinkedQueue<>();
    private volatile boolean idleHere;
    private volatile boolean over;
    private volatile Vertx crawl;

    ClusterShare(String self, HostRing ring, Context context, Outbox.Transport<CrawlUrl> transport) {
        this.self = self;
        this.ring = ring;
        this.context = context;
        this.outbox = new Outbox<>((node, batch) -> transport.send(node, batch.stream().map(Handed::url).toList()),
                BATCH, ms -> context.owner().setTimer(ms, id -> retry()), this::delivered);
    }

    private void retry() {
        outbox.retry();
    }

    /** The crawl's own (local) Vert.x, whose frontier admits what other nodes send here. */
    public void attach(Vertx crawlVertx) {
        this.crawl = crawlVertx;
    }

    @Override
    public boolean owns(String hostKey) {
        return ring.owner(hostKey).equals(self);
    }

    @Override
    public void handOver(CrawlUrl url) {
        String owner = ring.owner(url.hostKey()); // on the frontier's thread, which alone uses the ring's memo
        long seq = sent.incrementAndGet();
        unacknowledged.add(seq);
        pending.incrementAndGet();
        context.runOnContext(v -> outbox.add(owner, new Handed(seq, url)));
    }

    @Override
    public boolean holdBack() {
        return pending.get() > HOLD_BACK;
    }

    @Override
    public boolean crawlOver(boolean idle) {
        idleHere = idle;
        return over && idle;
    }

    @Override
    public void whenDelivered(Runnable then) {
        long upTo = sent.get();
        synchronized (waiters) {
            if (waiters.isEmpty() && acknowledgedUpTo(upTo)) {
                then.run(); // nothing of this page (or before it) is on its way
                return;
            }
            waiters.add(new Waiter(upTo, then));
        }
    }

    @Override
    public void runDelivered() {
        Runnable next;
        while ((next = released.poll()) != null) {
            next.run();
        }
    }

    private boolean acknowledgedUpTo(long seq) {
        return unacknowledged.isEmpty() || unacknowledged.first() > seq;
    }

    /** What this node reports to the end-of-crawl check. */
    NodeState state() {
        return new NodeState(idleHere && pending.get() == 0, sent.get(), received.get());
    }

    /** URLs of this node's hosts from another node: admitted and committed here before the future completes. */
    Future<Integer> receive(List<CrawlUrl> urls) {
        Vertx local = crawl;
        if (local == null) {
            return Future.failedFuture("node " + self + " is not crawling yet");
        }
        return local.eventBus().<Integer>request(Addresses.FRONTIER_HANDED_OVER, new HandedOver(urls),
                        LocalCodec.withTimeout(60_000))
                .map(reply -> {
                    received.addAndGet(urls.size());
                    return urls.size();
                });
    }

    /** The whole cluster is idle: the frontier finishes at its next look. */
    void crawlIsOver() {
        over = true;
        nudge();
    }

    boolean isOver() {
        return over;
    }

    /** Nodes this node's URLs cannot reach at the moment. */
    Set<String> unreachable() {
        return outbox.unreachable();
    }

    int waiting() {
        return pending.get();
    }

    private void delivered(List<Handed> batch) {
        batch.forEach(h -> unacknowledged.remove(h.seq()));
        int before = pending.getAndAdd(-batch.size());
        List<Runnable> free = new ArrayList<>();
        synchronized (waiters) {
            while (!waiters.isEmpty() && acknowledgedUpTo(waiters.peek().upTo())) {
                free.add(waiters.poll().then());
            }
        }
        released.addAll(free);
        if (!free.isEmpty() || before > HOLD_BACK && before - batch.size() <= HOLD_BACK) {
            nudge(); // pages to mark done, or fetching may go on
        }
    }

    /** Asks the frontier to look at the share again (an empty batch). */
    private void nudge() {
        Vertx local = crawl;
        if (local != null) {
            local.eventBus().request(Addresses.FRONTIER_HANDED_OVER, new HandedOver(List.of()), LocalCodec.OPTIONS);
        }
    }
}
