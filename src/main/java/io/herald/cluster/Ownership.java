package io.herald.cluster;

/**
 * Which hosts this node owns under one ring, and since when: a host it has owned since the crawl began may be asked
 * at once, one it gained when the ring changed only once its previous owner has certainly stopped asking it (see
 * {@link ClusterShare#availableAt}). Each ownership keeps the one it replaced, so a host gained two changes ago is
 * still known as gained then. Used on the frontier's thread only (its ring memoises owners).
 */
final class Ownership {
    private final String self;
    private final long epoch;
    private final HostRing ring;
    private final Ownership before;
    private final boolean allGained;

    private Ownership(String self, long epoch, HostRing ring, Ownership before, boolean allGained) {
        this.self = self;
        this.epoch = epoch;
        this.ring = ring;
        this.before = before;
        this.allGained = allGained;
    }

    /**
     * The ownership a node starts with. In the crawl's first ring every host it owns is its own from the start; in a
     * later one (a node restarted after the ring changed) it cannot tell which hosts it had before, so every host
     * counts as gained at this epoch.
     */
    static Ownership start(String self, RingRecord ring) {
        return new Ownership(self, ring.epoch(), new HostRing(ring.nodes()), null, ring.epoch() > RingRecord.FIRST);
    }

    /** What a newcomer had before it joined: nothing. */
    static Ownership none(String self, RingRecord ring) {
        return new Ownership(self, ring.epoch(), new HostRing(ring.nodes()), null, false);
    }

    /** The ownership under a newer ring. */
    Ownership next(RingRecord ring) {
        return new Ownership(self, ring.epoch(), new HostRing(ring.nodes()), this, false);
    }

    /** A node restarted after the ring changed ({@link #start}): every host it owns counts as gained now. */
    boolean restarted() {
        return allGained && before == null;
    }

    long epoch() {
        return epoch;
    }

    boolean owns(String hostKey) {
        return ring.owner(hostKey).equals(self);
    }

    boolean inRing(String node) {
        return ring.nodes().contains(node);
    }

    String owner(String hostKey) {
        return ring.owner(hostKey);
    }

    /**
     * The node that owned a host before this node gained it (null: owned since the start, not owned, or not known,
     * as for a node restarted after the ring changed).
     */
    String previousOwner(String hostKey) {
        if (!owns(hostKey) || before == null) {
            return null;
        }
        return before.owns(hostKey) ? before.previousOwner(hostKey) : before.owner(hostKey);
    }

    /**
     * The epoch at which this node gained a host it owns (0: owned since the crawl began, or not owned at all).
     */
    long gainedAt(String hostKey) {
        if (!owns(hostKey)) {
            return 0;
        }
        if (before == null) {
            return allGained ? epoch : 0;
        }
        return before.owns(hostKey) ? before.gainedAt(hostKey) : epoch;
    }
}
