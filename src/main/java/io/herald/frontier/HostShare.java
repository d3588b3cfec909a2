package io.herald.frontier;

import io.herald.model.CrawlUrl;

/**
 * Which hosts this frontier crawls. Alone ({@link #WHOLE}) it crawls every host and the crawl is over when its own
 * queues are empty. In a cluster each node owns a share of the hosts: an admitted URL of a host owned elsewhere is
 * handed over to its owner instead of queued, and the crawl is over only when every node is idle. Every method is
 * called on the frontier's thread.
 */
public interface HostShare {
    /** Every host is this frontier's, as when Herald runs alone. */
    HostShare WHOLE = new HostShare() {
        @Override
        public boolean owns(String hostKey) {
            return true;
        }

        @Override
        public void handOver(CrawlUrl url) {
            throw new IllegalStateException("a frontier that owns every host hands nothing over: " + url.url());
        }

        @Override
        public boolean holdBack() {
            return false;
        }

        @Override
        public boolean crawlOver(boolean idleHere) {
            return idleHere;
        }

        @Override
        public void whenDelivered(Runnable then) {
            then.run();
        }

        @Override
        public void runDelivered() {
        }

        @Override
        public boolean refresh() {
            return false;
        }

        @Override
        public long availableAt(String hostKey) {
            return 0;
        }

        @Override
        public boolean settling() {
            return false;
        }

        @Override
        public void settled() {
        }
    };

    /** True when this node fetches the host ({@code scheme://host:port}). */
    boolean owns(String hostKey);

    /** Sends a URL admitted here (normalised, in scope) to the owner of its host, which de-duplicates it. */
    void handOver(CrawlUrl url);

    /**
     * The node that owned a host before this one gained it, while it is still in the cluster, or null: its seen set
     * knows what it crawled of the host, so a URL new here is {@linkplain #check checked} with it before it is queued.
     */
    default String previousOwner(String hostKey) {
        return null;
    }

    /**
     * Sends a URL of a host this node owns to the host's {@link #previousOwner}, which drops it if it saw it and
     * otherwise passes it back (then it comes from that node and is queued here).
     */
    default void check(CrawlUrl url, String previousOwner) {
        throw new IllegalStateException("nothing to check with: " + url.url());
    }

    /** True while URLs handed over wait too long for their owners: hand out no new work until they drain. */
    boolean holdBack();

    /**
     * Reports whether this frontier has nothing queued and nothing in flight, and answers whether the whole crawl is
     * over (here: exactly that; in a cluster: when every node is idle and nothing is on its way between them).
     */
    boolean crawlOver(boolean idleHere);

    /**
     * Runs {@code then} (on the frontier's thread, from {@link #runDelivered}) once every URL handed over so far has
     * been acknowledged by its owner, which acknowledges only what its state has committed. The frontier marks a page
     * done this way, so a page whose links could still be lost in a crash is crawled again after it.
     */
    void whenDelivered(Runnable then);

    /** How many URLs this node has handed over (or sent to be checked) so far: a mark for {@link #whenDelivered(long, Runnable)}. */
    default long handedSoFar() {
        return 0;
    }

    /**
     * Runs {@code then} (as {@link #whenDelivered(Runnable)} does) once the URLs handed over after {@code mark} (a
     * {@link #handedSoFar} value) are acknowledged, whatever happens to those before it.
     */
    default void whenDelivered(long mark, Runnable then) {
        whenDelivered(then);
    }

    /** Runs what {@link #whenDelivered} released since the last call; on the frontier's thread. */
    void runDelivered();

    /**
     * Takes up the latest share (in a cluster it changes when a node joins or is dropped); true when it changed since
     * the last call, or when hosts waiting for their {@link #availableAt} time learnt it: then the frontier looks at
     * every host again (a host it no longer owns hands its queue over, one it gained waits its turn).
     */
    boolean refresh();

    /**
     * Clock time (ms) before which this node must not ask the host: 0 for a host it has owned since the crawl began;
     * for one it took over from another node, the moment that node has certainly stopped asking it plus the longest
     * delay the host may ask for; {@link Long#MAX_VALUE} while that moment is not known yet.
     */
    long availableAt(String hostKey);

    /** True while this node must still say when no request of its own is in flight to a host it no longer owns. */
    boolean settling();

    /** No request is in flight to a host this node does not own (under the share last {@link #refresh}ed). */
    void settled();
}
