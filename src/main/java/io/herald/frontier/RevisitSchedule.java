package io.herald.frontier;

import io.herald.config.RecrawlConfig;
import io.herald.model.Validators;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * When each hub of a continuous crawl is read again. A hub's interval starts at {@code recrawl.minInterval}; a
 * visit that found new links halves it (down to the minimum), one that found none (or a 304, or a failure) grows
 * it by half (up to {@code recrawl.maxInterval}). So a busy front is read about as often as it changes, and a
 * quiet one drifts towards the maximum. An article (with {@code recrawl.articleRevisits} above 0) is read again that
 * many times, {@code recrawl.articleInterval} apart, then forgotten. Every change is saved to the
 * {@link RevisitStore}. Single-threaded.
 */
final class RevisitSchedule {
    private record Due(long at, String url) {
    }

    private final long minMs;
    private final long maxMs;
    private final int maxHubs;
    private final long articleMs;
    private final int articleRevisits;
    private final Clock clock;
    private final RevisitStore store;
    private final Map<String, Hub> hubs = new HashMap<>();
    /** Exactly one entry per hub (its next due time), so the queue never outgrows {@code recrawl.maxHubs}. */
    private final NavigableSet<Due> queue = new TreeSet<>(Comparator.comparingLong(Due::at).thenComparing(Due::url));
    /** Hubs handed to the queues and not yet visited. */
    private final Set<String> pending = new HashSet<>();
    /** Validators of full responses whose page is still in the pipeline (an HTML page is a hub only once read). */
    private final Map<String, Validators> fresh = new HashMap<>();

    RevisitSchedule(RecrawlConfig config, Clock clock, RevisitStore store) {
        this.minMs = config.minInterval().toMillis();
        this.maxMs = config.maxInterval().toMillis();
        this.maxHubs = config.maxHubs();
        this.articleMs = config.articleInterval().toMillis();
        this.articleRevisits = config.articleRevisits();
        this.clock = clock;
        this.store = store;
        for (Hub hub : store.load()) {
            if (hubs.size() < maxHubs) {
                put(hub);
            }
        }
    }

    /** A hub known before this visit (e.g. a seed an earlier run read), due at once; false if known or full. */
    boolean addDueNow(String url, boolean feed, int depth) {
        if (hubs.containsKey(url) || hubs.size() >= maxHubs) {
            return false;
        }
        saved(new Hub(url, feed, depth, minMs, clock.millis(), Validators.NONE));
        return true;
    }

    /** A page with a schedule: a hub, or an article still to be read again. */
    boolean isHub(String url) {
        return hubs.containsKey(url);
    }

    /**
     * An article was read for the first time: with {@code recrawl.articleRevisits} above 0 (and room), it is read
     * again one {@code articleInterval} from now, with the validators of this response.
     */
    void articleRead(String url, int depth) {
        Validators response = fresh.remove(url);
        if (articleRevisits == 0 || hubs.containsKey(url) || hubs.size() >= maxHubs) {
            return;
        }
        saved(new Hub(url, false, depth, articleMs, clock.millis() + articleMs,
                response == null ? Validators.NONE : response, articleRevisits));
    }

    /** True while a revisit of the hub is queued or in flight. */
    boolean isPending(String url) {
        return pending.contains(url);
    }

    /** The validators to send with a revisit of {@code url}. */
    Validators validators(String url) {
        Hub hub = hubs.get(url);
        return hub == null ? Validators.NONE : hub.validators();
    }

    /**
     * The hubs due now, each now pending until {@link #visited}. If the revisit never reports back (a host given
     * up), the hub comes due again after the longest interval. That provisional time
     * is not saved: after a restart the hub is due at once.
     */
    List<Hub> takeDue() {
        long now = clock.millis();
        List<Hub> due = new ArrayList<>();
        while (!queue.isEmpty() && queue.first().at() <= now) {
            Hub hub = hubs.get(queue.pollFirst().url());
            pending.add(hub.url());
            put(hub.next(hub.intervalMs(), now + maxMs, hub.validators()));
            due.add(hub);
        }
        return due;
    }

    /** Keeps a full response's validators until its page is read (then {@link #visited} takes them). */
    void fetched(String url, Validators validators) {
        if (!validators.isEmpty()) {
            fresh.put(url, validators);
        }
    }

    /**
     * A visit ended. A hub not yet known is added (when there is room), with its first revisit one minimum
     * interval away; a known one has its interval adapted to whether the visit found new links.
     *
     * @param validators what the response said it is ({@code null}: keep the ones held, as for a 304 without any
     *                   or a failure); for a full response, those passed to {@link #fetched} are taken
     */
    void visited(String url, boolean feed, int depth, int newLinks, Validators validators) {
        pending.remove(url);
        Validators response = fresh.remove(url);
        Validators kept = validators != null ? validators : response;
        Hub hub = hubs.get(url);
        long now = clock.millis();
        if (hub == null) {
            if (hubs.size() < maxHubs) {
                saved(new Hub(url, feed, depth, minMs, now + minMs, kept == null ? Validators.NONE : kept));
            }
            return;
        }
        if (hub.article()) {
            articleVisited(hub, now, kept);
            return;
        }
        long interval = newLinks > 0 ? Math.max(minMs, hub.intervalMs() / 2)
                : Math.min(maxMs, Math.max(hub.intervalMs() + hub.intervalMs() / 2, hub.intervalMs() + 1));
        saved(hub.next(interval, now + interval, kept == null ? hub.validators() : kept));
    }

    // A revisit of an article, whatever its outcome (a 304, a failure, the same or a new text), uses up one visit.
    private void articleVisited(Hub article, long now, Validators kept) {
        if (article.revisitsLeft() <= 1) {
            hubs.remove(article.url());
            queue.remove(new Due(article.dueAt(), article.url()));
            store.remove(article.url());
            return;
        }
        saved(article.revisited(now + article.intervalMs(), kept == null ? article.validators() : kept));
    }

    /** A page that is no hub was read: forget what was kept for it. */
    void forget(String url) {
        fresh.remove(url);
    }

    /** Clock time (ms) of the next revisit, or {@link Long#MAX_VALUE} with no hub scheduled. */
    long nextDueAt() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.first().at();
    }

    /** Hubs scheduled: counted by the queue, which holds one entry for each. */
    int size() {
        return queue.size();
    }

    /** The {@code n} hubs due soonest, soonest first. */
    List<Hub> soonest(int n) {
        return hubs.values().stream().sorted(Comparator.comparingLong(Hub::dueAt)).limit(n).toList();
    }

    private void saved(Hub hub) {
        put(hub);
        store.save(hub);
    }

    // Replaces the hub's queue entry rather than adding a second one beside it.
    private void put(Hub hub) {
        Hub old = hubs.put(hub.url(), hub);
        if (old != null) {
            queue.remove(new Due(old.dueAt(), old.url()));
        }
        queue.add(new Due(hub.dueAt(), hub.url()));
    }
}
