package io.herald.frontier;

import io.herald.config.CrawlConfig;
import io.herald.frontier.FrontierCounters.Event;
import io.herald.model.CrawlUrl;
import io.herald.model.Discovered;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.FrontierStatus;
import io.herald.model.HostView;
import io.herald.model.Processed;
import io.herald.model.Via;
import io.herald.politeness.Decision;
import io.herald.politeness.PolitenessGate;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which URL is fetched next and knows when the crawl is over. Offered URLs are normalised,
 * scoped, de-duplicated and depth-limited, then queued per host; {@link #poll()} hands out a task for
 * a host the {@link PolitenessGate} says is due. A host's robots.txt is always its first request.
 *
 * <p>A page task is in flight from {@link #poll()} until its {@link Processed} arrives (or, for a
 * result that goes no further than the fetcher, until {@link #onFetched}). The crawl is finished when
 * nothing is in flight and nothing is queued, or the page budget is spent. Single-threaded.
 */
public final class Frontier {
    private final CrawlConfig config;
    private final SitemapQueue sitemaps;
    private final Admission admission;
    private final SeenSet seen;
    private final FrontierStore store;
    private final PolitenessGate gate;
    private final HostSchedule schedule;
    private final FrontierCounters counters;
    private final Revisits revisits;
    private final HostShare share;
    private final Clock clock;
    /** What the share had handed over before the last batch from another node ({@link #whenPassedOn}). */
    private long passedOnAfter;
    private int pagesInFlight;
    private int robotsInFlight;
    private long pagesStarted;
    private boolean stopped;
    private boolean paused;
    private Runnable beforeCommit = () -> { };
    private final Set<String> toResolve = new LinkedHashSet<>();
    private final Set<String> resolving = new HashSet<>();

    /**
     * @param revisitStore where a continuous crawl keeps its hubs' schedules (unused in {@code once} mode)
     * @param share        the hosts this process crawls: all of them, or in cluster mode its node's share (the
     *                     others' URLs are handed over)
     */
    public Frontier(CrawlConfig config, FrontierStore store, SeenSet seen, PolitenessGate gate, Clock clock,
                    MeterRegistry registry, RevisitStore revisitStore, HostShare share) {
        this.config = config;
        this.revisits = new Revisits(config, clock, revisitStore);
        this.share = share;
        this.clock = clock;
        this.sitemaps = new SitemapQueue(config.discovery().maxSitemaps());
        this.store = store;
        this.seen = seen;
        this.gate = gate;
        this.schedule = new HostSchedule(clock);
        this.counters = new FrontierCounters(registry);
        this.admission = new Admission(config, store, seen, sitemaps, gate, schedule, counters, revisits::queued,
                share);
        this.pagesStarted = store.pagesStartedBefore(); // a resumed crawl keeps its page budget
    }

    /**
     * Schedules the hosts an earlier run of this crawl left queued, and queues the configured seeds and sitemaps.
     */
    public void seed() {
        store.queuedHosts().forEach(host -> schedule.wake(host, 0)); // a resumed crawl's queues
        revisits.knownSeeds(admission.seed());
    }

    /** A task that may be started now, or null (then ask again at {@link #nextWakeAt()} or after an event). */
    public FetchTask poll() {
        takeUpShare();
        if (stopped || paused || share.holdBack()) { // a pause leaves the schedule and every host's clock as they are
            return null;
        }
        revisits.release(store, sitemaps).forEach(host -> schedule.wake(host, 0)); // due hubs of a continuous crawl
        String host;
        while ((host = schedule.nextDue()) != null) {
            FetchTask task = tryHost(host);
            if (task != null) {
                return task;
            }
        }
        return null;
    }

    private FetchTask tryHost(String host) {
        if (!share.owns(host)) {
            handOverQueue(host); // the cluster gave the host to another node
            return null;
        }
        if (store.size(host) == 0 && !sitemaps.has(host) || budgetSpent()) {
            return null;
        }
        long availableAt = share.availableAt(host);
        if (availableAt > clock.millis()) {
            if (availableAt != Long.MAX_VALUE) { // unknown yet: the share's refresh wakes every host when it is known
                schedule.wake(host, availableAt);
            }
            return null; // taken over from another node: its last request must be a full delay ago
        }
        Decision decision = gate.check(host);
        switch (decision.kind()) {
            case WAIT:
                schedule.wake(host, decision.at());
                return null;
            case BLOCKED:
                return null; // the end of the request in flight wakes the host again
            case GIVE_UP:
                counters.count(Event.GAVE_UP, store.drop(host) + sitemaps.drop(host));
                return null;
            case RESOLVE:
                if (resolving.add(host)) {
                    toResolve.add(host); // asked once; resolved() wakes the host again
                }
                return null;
            case FETCH_ROBOTS:
                gate.robotsStarted(host);
                robotsInFlight++;
                String robotsUrl = gate.robotsUrl(host);
                return new FetchTask(new CrawlUrl(robotsUrl, host, 0, null, Via.SEED, 0, 0), FetchTask.Kind.ROBOTS);
            default:
                if (config.discovery().fromRobots()) { // rules kept from an earlier run: read their sitemaps again
                    gate.restoredSitemaps(host).forEach(map -> admission.sitemap(map, 0, gate.robotsUrl(host), true));
                }
                FetchTask sitemap = nextAllowedSitemap(host);
                return sitemap != null ? sitemap : nextAllowedPage(host);
        }
    }

    private FetchTask nextAllowedSitemap(String host) {
        CrawlUrl next;
        while ((next = sitemaps.poll(host)) != null) {
            if (gate.allows(host, next.url())) {
                gate.pageStarted(host);
                schedule.wake(host, 0);
                return new FetchTask(next, FetchTask.Kind.SITEMAP, revisits.validators(next.url()));
            }
            sitemaps.done();
            revisits.refused(next, true);
            counters.count(Event.ROBOTS_BLOCKED);
        }
        return null;
    }

    private FetchTask nextAllowedPage(String host) {
        CrawlUrl next;
        while ((next = store.poll(host)) != null) {
            if (gate.allows(host, next.url())) {
                gate.pageStarted(host);
                pagesInFlight++;
                if (!revisits.isRevisit(next.url())) { // a revisit is no new page: the budget is for those
                    pagesStarted++;
                }
                schedule.wake(host, 0); // another may start at once if perHostConcurrency allows
                return new FetchTask(next, FetchTask.Kind.PAGE, revisits.validators(next.url()));
            }
            counters.count(Event.ROBOTS_BLOCKED);
            store.done(next);
            revisits.refused(next, false);
        }
        return null;
    }

    /** The end of an exchange: starts the host's clock and handles what goes no further than the fetcher. */
    public void onFetched(FetchResult result) {
        FetchTask task = result.task();
        String host = task.target().hostKey();
        if (task.isRobots()) {
            robotsInFlight--;
            gate.robotsDone(result);
            if (config.discovery().fromRobots()) {
                gate.rules(host).ifPresent(rules -> rules.getSitemaps()
                        .forEach(sitemap -> admission.sitemap(sitemap, 0, task.target().url(), true)));
            }
        } else if (task.kind() == FetchTask.Kind.SITEMAP) {
            gate.pageDone(result);
            if (!(result instanceof FetchResult.Fetched)) {
                sitemaps.done();
            }
            if (result instanceof FetchResult.Redirect moved && task.target().depth() < Admission.MAX_SITEMAP_NESTING) {
                admission.sitemap(moved.location(), task.target().depth() + 1, task.target().url(), true);
            } else if (!(result instanceof FetchResult.Fetched || result instanceof FetchResult.NotModified)) {
                counters.count(Event.SITEMAP_PROBLEM);
            }
            revisits.fetched(result, true);
        } else {
            gate.pageDone(result);
            if (!(result instanceof FetchResult.Fetched)) {
                pagesInFlight--;
                admission.retryOrFollow(result);
                store.done(task.target());
            }
            revisits.fetched(result, false);
        }
        schedule.wake(host, 0);
        gate.neighbours(host).forEach(neighbour -> schedule.wake(neighbour, 0));
    }

    /** Hosts whose address the per-IP floor needs before they can be asked; the caller resolves them. */
    public List<String> drainHostsToResolve() {
        List<String> hosts = List.copyOf(toResolve);
        toResolve.clear();
        return hosts;
    }

    /** The address of a host (or, when it could not be resolved, any stable stand-in such as its name). */
    public void resolved(String hostKey, String ip) {
        gate.resolved(hostKey, ip);
        resolving.remove(hostKey);
        schedule.wake(hostKey, 0);
    }

    /**
     * URLs another node ({@code from}, or null for this node's own) admitted for hosts this one owns (cluster mode);
     * answers whether some were passed on, their hosts being another node's now (see {@link #whenPassedOn}).
     */
    public boolean onHandedOver(List<CrawlUrl> urls, String from) {
        takeUpShare();
        passedOnAfter = share.handedSoFar();
        boolean passedOn = false;
        for (CrawlUrl url : urls) {
            passedOn |= admission.handedOver(url, from);
        }
        share.runDelivered();
        return passedOn;
    }

    /**
     * Runs {@code then} on this thread once what the last batch from another node made this node send on (URLs of
     * hosts it no longer owns, URLs checked with a host's previous owner) has reached its owner; alone, at once. Such
     * a batch is answered this way, since only this node's memory held them; waiting for everything this node sent
     * could close a circle of nodes each waiting for the next one's answer.
     */
    public void whenPassedOn(Runnable then) {
        share.whenDelivered(passedOnAfter, then); // only the last batch's: waiting for all could close a circle
        share.runDelivered();
    }

    /**
     * Cluster mode: when the share of hosts changed, looks at every host again (one now owned elsewhere hands its
     * queue over in {@link #tryHost}); and once no request is in flight to a host given away, says so, so that its
     * new owner may start after the delay.
     */
    private void takeUpShare() {
        if (share.refresh()) {
            admission.shareChanged();
            store.queuedHosts().forEach(host -> schedule.wake(host, 0));
            schedule.knownHosts().forEach(host -> schedule.wake(host, 0));
        }
        if (share.settling() && schedule.knownHosts().stream()
                .noneMatch(host -> !share.owns(host) && gate.inFlight(host) > 0)) {
            share.settled();
        }
    }

    /**
     * Hands the queue of a host this node no longer owns to its new owner; each URL is done here only once the owner
     * has acknowledged it (so a crash on either side loses none). Its sitemaps are read by the new owner.
     */
    private void handOverQueue(String host) {
        CrawlUrl next;
        int moved = 0;
        while ((next = store.poll(host)) != null) {
            CrawlUrl url = next;
            share.handOver(url);
            share.whenDelivered(() -> store.done(url));
            moved++;
        }
        counters.count(Event.HANDED_OVER, moved);
        sitemaps.drop(host);
    }

    /** A sitemap or feed was read: offer its pages (one hop from the sitemap) and queue its child sitemaps. */
    public void onDiscovered(Discovered discovered) {
        sitemaps.done();
        if (discovered.problem() != null) {
            counters.count(Event.SITEMAP_PROBLEM);
        }
        CrawlUrl source = discovered.source();
        revisits.feedRead(source, revisits.offered(source.url(), () -> admission.discovered(discovered)));
    }

    /** A page went through extraction (and the sink): offer its links and forget it as in flight. */
    public void onProcessed(Processed processed) {
        pagesInFlight--;
        CrawlUrl source = processed.source();
        revisits.pageRead(processed,
                revisits.offered(source.url(), () -> processed.links().forEach(link -> admission.offer(link, source))));
        // after its links: a durable store keeps changes in order; in a cluster, after its links reached their owners
        share.whenDelivered(() -> store.done(source));
    }

    /**
     * Starts a checkpoint of the store; run the result once the output is synced (see
     * {@link FrontierStore#checkpoint}).
     */
    public Runnable checkpoint() {
        Runnable commit = store.checkpoint(pagesStarted);
        return () -> {
            beforeCommit.run();
            commit.run();
        };
    }

    /** Completes once the changes committed so far are in the store's replica, if it has one ({@link FrontierStore#replicated}). */
    public Future<Void> replicated() {
        return store.replicated();
    }

    /**
     * Runs {@code hook} on this frontier's thread as each checkpoint commits, just before the store's write,
     * so that what the hook adds to a durable store's pending batch (the crawl's counters) is written with it.
     */
    public void beforeCheckpointCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    /** Clock time (ms) at which a waiting host becomes due, or {@link Long#MAX_VALUE} if none waits. */
    public long nextWakeAt() {
        return Math.min(schedule.nextWakeAt(), revisits.nextDueAt());
    }

    /** Nothing left to do: in a continuous crawl only once stopped or out of budget (revisits are never done). */
    public boolean isFinished() {
        if (revisits.on() && !budgetSpent()) {
            return false;
        }
        boolean idle = idle();
        return stopped ? idle : share.crawlOver(idle); // a stopped node leaves, whatever the others do
    }

    /** Nothing in flight here, and nothing queued (or the budget spent). */
    private boolean idle() {
        return pagesInFlight == 0 && robotsInFlight == 0 && sitemaps.inFlight() == 0
                && (store.size() == 0 && sitemaps.queued() == 0 || budgetSpent());
    }

    /** Why the crawl ended, for the summary. */
    public String finishReason() {
        if (stopped) {
            return "stopped";
        }
        return budgetSpent() && store.size() > 0 ? "maxPages reached" : "frontier exhausted";
    }

    private boolean budgetSpent() {
        return stopped || pagesStarted >= config.crawl().maxPages();
    }

    /** Hands out no more work; the crawl finishes once what is in flight ends. */
    public void stop() {
        stopped = true;
    }

    /** Hands out no work until {@link #resume}; requests in flight end normally. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    /** A seed added while the crawl runs, admitted like a link: what happened to it ({@code queued}, ...). */
    public String addSeed(String rawUrl) {
        return admission.addSeed(rawUrl);
    }

    /**
     * Hosts with queued work that are not merely waiting out a politeness delay: due now, fetching, or failing
     * (backing off after errors). /health calls a crawl stalled only while some host is in this state.
     */
    private int dueHosts() {
        int due = 0;
        for (String host : schedule.knownHosts()) {
            if ((store.size(host) > 0 || sitemaps.has(host)) && !gate.politeWait(host)) {
                due++;
            }
        }
        return due;
    }

    /** Counters and per-host state for {@code /status} (at most {@code maxHosts} hosts, in schedule order). */
    public FrontierStatus status(int maxHosts) {
        Map<String, HostView> hosts = new LinkedHashMap<>();
        for (String host : schedule.knownHosts()) {
            if (hosts.size() >= maxHosts) {
                break;
            }
            hosts.put(host, new HostView(gate.describe(host), store.size(host)));
        }
        return new FrontierStatus(store.size(), seen.size(), pagesStarted, pagesInFlight, robotsInFlight,
                sitemaps.queued(), sitemaps.inFlight(), counters.get(Event.ROBOTS_BLOCKED),
                schedule.knownHosts().size(), paused ? 0 : dueHosts(), paused, hosts, revisits.status());
    }
}
