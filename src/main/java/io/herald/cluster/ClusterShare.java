package io.herald.cluster;

import io.herald.frontier.HostShare;
import io.herald.model.Addresses;
import io.herald.model.CrawlUrl;
import io.herald.model.HandedOver;
import io.herald.model.LocalCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's share of the hosts, as the frontier sees it ({@link HostShare}): owns what the current ring gives it,
 * hands the rest to the {@link Outbox}, and learns from the {@link ClusterNode} when the ring changes and when the
 * whole crawl is over. Each URL handed over gets a sequence number; a page is marked done only once every URL handed
 * over up to its own are acknowledged (the owner acknowledges after its state has committed them), so a crash of
 * either node loses none: the sender crawls the page again, or the owner has the URL on disk.
 *
 * <p>When the ring changes, a host given to another node is no longer fetched here: the frontier hands its queue over
 * and says when no request of its own to such a host is in flight any more ({@link #settled}). A host gained is asked
 * only once every node of the new ring has said so, plus the longest delay a host may ask for
 * ({@link #availableAt}): so its old owner's last request is at least that long ago, and the delay holds across the
 * change. The frontier calls it on its thread; the outbox and the cluster's messages run on the cluster's context;
 * what both touch is concurrent or volatile.
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

    /** Work held until the URLs handed over after {@code after} up to {@code upTo} are acknowledged. */
    private record Ranged(long after, long upTo, Runnable then) {
    }

    private final String self;
    private final Context context;
    private final Outbox<Handed> outbox;
    private final long cooldownMs;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final ConcurrentSkipListSet<Long> unacknowledged = new ConcurrentSkipListSet<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Guarded by {@link #waiters}. */
    private final List<Ranged> ranged = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> released = new ConcurrentLinkedQueue<>();
    /**
     * Epoch → when every node of that ring was seen settled under it (System.currentTimeMillis()). Settled under a
     * later ring covers an earlier one (a host gained then and still owned is nobody else's under either), so a
     * ring that changed again before it was seen settled takes the time of the first later one that was.
     */
    private final ConcurrentSkipListMap<Long, Long> settledAt = new ConcurrentSkipListMap<>();
    /** Bumped when the ring changes or a settled time becomes known: the frontier looks at every host again. */
    private final AtomicLong generation = new AtomicLong(1);
    /** The newest ownership, set on the cluster's context. */
    private volatile Ownership latest;
    /** The ownership the frontier works with (its thread only), taken up from {@link #latest} in {@link #refresh}. */
    private Ownership current;
    private long seenGeneration;
    /** The cluster context's own ring, for routing what waits in the outbox (a HostRing is not thread-safe). */
    private HostRing routing;
    private volatile long settledEpoch;
    private volatile boolean settling;
    private volatile boolean quorum = true;
    /** A dropped node's queue is still being taken over here: not idle, or the crawl could end without it. */
    private volatile boolean takingOver;
    private volatile boolean idleHere;
    private volatile boolean over;
    private volatile Vertx crawl;

    /**
     * @param start    the ownership this node begins with
     * @param cooldown how long a host gained from another node waits after every node has stopped asking hosts it
     *                 no longer owns: the longest delay a host may ask for
     */
    ClusterShare(String self, Ownership start, RingRecord ring, Duration cooldown, Context context,
                 Outbox.Transport<CrawlUrl> transport) {
        this.self = self;
        this.context = context;
        this.cooldownMs = cooldown.toMillis();
        this.latest = start;
        this.current = start;
        this.routing = new HostRing(ring.nodes());
        this.settledEpoch = start.epoch(); // nothing is in flight yet
        if (start.restarted()) { // it cannot tell what it gained when; it was not asking anything while it was down
            settledAt.put(start.epoch(), System.currentTimeMillis());
        }
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
        return current.owns(hostKey);
    }

    @Override
    public void handOver(CrawlUrl url) {
        send(current.owner(url.hostKey()), url); // on the frontier's thread, which alone uses its ring's memo
    }

    /** Numbers the URL, counts it as waiting for its acknowledgement, and gives it to the outbox for {@code node}. */
    private void send(String node, CrawlUrl url) {
        long seq = sent.incrementAndGet();
        unacknowledged.add(seq);
        pending.incrementAndGet();
        context.runOnContext(v -> outbox.add(node, new Handed(seq, url)));
    }

    @Override
    public String previousOwner(String hostKey) {
        String previous = current.previousOwner(hostKey);
        return previous != null && current.inRing(previous) ? previous : null; // a dropped node has nothing to say
    }

    @Override
    public void check(CrawlUrl url, String previousOwner) {
        send(previousOwner, url);
    }

    @Override
    public boolean holdBack() {
        return pending.get() > HOLD_BACK || !quorum;
    }

    @Override
    public boolean refresh() {
        long now = generation.get();
        if (now == seenGeneration) {
            return false;
        }
        seenGeneration = now;
        Ownership newest = latest;
        if (newest != current) {
            current = newest;
            settling = true;
        }
        return true;
    }

    @Override
    public long availableAt(String hostKey) {
        long gained = current.gainedAt(hostKey);
        if (gained == 0) {
            return 0;
        }
        Map.Entry<Long, Long> settled = settledAt.ceilingEntry(gained);
        return settled == null ? Long.MAX_VALUE : settled.getValue() + cooldownMs;
    }

    @Override
    public boolean settling() {
        return settling;
    }

    @Override
    public void settled() {
        settling = false;
        settledEpoch = current.epoch();
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
    public long handedSoFar() {
        return sent.get();
    }

    @Override
    public void whenDelivered(long mark, Runnable then) {
        long upTo = sent.get();
        synchronized (waiters) {
            if (unacknowledged.subSet(mark, false, upTo, true).isEmpty()) {
                then.run();
                return;
            }
            ranged.add(new Ranged(mark, upTo, then));
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

    /**
     * A newer ring (the cluster's context): the frontier takes it up at its next look; URLs waiting for nodes that
     * were dropped go to their hosts' new owners.
     */
    void adopt(RingRecord ring) {
        latest = latest.next(ring);
        routing = new HostRing(ring.nodes());
        HostRing route = routing;
        outbox.reroute(Set.copyOf(ring.nodes()), handed -> route.owner(handed.url().hostKey()));
        generation.incrementAndGet();
        nudge();
    }

    /** Every node of ring {@code epoch} has stopped asking the hosts it gave away (the cluster's context). */
    void everyoneSettled(long epoch) {
        if (settledAt.putIfAbsent(epoch, System.currentTimeMillis()) == null) {
            generation.incrementAndGet();
            nudge();
        }
    }

    /** Whether this node sees a quorum of the ring; without one it fetches nothing (see {@link Membership}). */
    void quorum(boolean present) {
        boolean was = quorum;
        quorum = present;
        if (present && !was) {
            nudge();
        }
    }

    /** True when this node owns the host under the newest ring (the cluster's context: its own ring). */
    boolean ownsNow(String hostKey) {
        return routing.owner(hostKey).equals(self);
    }

    /** What this node reports to the end-of-crawl check. */
    NodeState state() {
        return new NodeState(idleHere && pending.get() == 0 && !takingOver, sent.get(), received.get(), settledEpoch);
    }

    /**
     * URLs of this node's hosts from another node ({@code from}), or of hosts it owned before (the new owner asks
     * whether it saw them): admitted, or passed on, and committed here before the future completes.
     */
    Future<Integer> receive(List<CrawlUrl> urls, String from) {
        Vertx local = crawl;
        if (local == null) {
            return Future.failedFuture("node " + self + " is not crawling yet");
        }
        return local.eventBus().<Integer>request(Addresses.FRONTIER_HANDED_OVER, new HandedOver(urls, from),
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

    void takingOver(boolean busy) {
        takingOver = busy;
    }

    boolean hasQuorum() {
        return quorum;
    }

    private void delivered(List<Handed> batch) {
        batch.forEach(h -> unacknowledged.remove(h.seq()));
        int before = pending.getAndAdd(-batch.size());
        List<Runnable> free = new ArrayList<>();
        synchronized (waiters) {
            while (!waiters.isEmpty() && acknowledgedUpTo(waiters.peek().upTo())) {
                free.add(waiters.poll().then());
            }
            for (var it = ranged.iterator(); it.hasNext(); ) {
                Ranged r = it.next();
                if (unacknowledged.subSet(r.after(), false, r.upTo(), true).isEmpty()) {
                    free.add(r.then());
                    it.remove();
                }
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
