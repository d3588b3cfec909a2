package io.herald.cluster;

import io.herald.frontier.HostShare;
import io.herald.model.Addresses;
import io.herald.model.CrawlUrl;
import io.herald.model.HandedOver;
import io.herald.model.LocalCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's share of the hosts, as the frontier sees it ({@link HostShare}): owns what the {@link HostRing} gives
 * it, hands the rest to the {@link Outbox}, and learns from the {@link ClusterNode} when the whole crawl is over.
 * The frontier calls it on its thread; the outbox and the cluster's messages run on the cluster's context; the few
 * values both read are atomic.
 */
public final class ClusterShare implements HostShare {
    /** URLs waiting for their owners beyond which this node fetches nothing new until they drain. */
    static final int HOLD_BACK = 20_000;
    private static final int BATCH = 500;

    private final String self;
    private final HostRing ring;
    private final Context context;
    private final Outbox outbox;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean idleHere;
    private volatile boolean over;
    private volatile Vertx crawl;

    ClusterShare(String self, HostRing ring, Context context, Outbox.Transport transport) {
        this.self = self;
        this.ring = ring;
        this.context = context;
        this.outbox = new Outbox(transport, BATCH, ms -> context.owner().setTimer(ms, id -> outbox().retry()),
                this::delivered);
    }

    private Outbox outbox() {
        return outbox;
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
        sent.incrementAndGet();
        pending.incrementAndGet();
        context.runOnContext(v -> outbox.add(owner, url));
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

    /** What this node reports to the end-of-crawl check. */
    NodeState state() {
        return new NodeState(idleHere && pending.get() == 0, sent.get(), received.get());
    }

    /** URLs of this node's hosts from another node: admitted by the frontier before the future completes. */
    Future<Integer> receive(List<CrawlUrl> urls) {
        return crawl.eventBus().<Integer>request(Addresses.FRONTIER_HANDED_OVER, new HandedOver(urls),
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

    private void delivered(int urls) {
        int before = pending.getAndAdd(-urls);
        if (before > HOLD_BACK && before - urls <= HOLD_BACK) {
            nudge(); // fetching may go on
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
