package io.herald.frontier;

import io.herald.config.CrawlConfig;
import io.herald.frontier.FrontierCounters.Event;
import io.herald.model.CrawlUrl;
import io.herald.model.Discovered;
import io.herald.model.DiscoveredLink;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Processed;
import io.herald.model.Via;
import io.herald.politeness.Decision;
import io.herald.politeness.PolitenessGate;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
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
    /** Sitemap indexes may nest; deeper than this is a loop or a trap. */
    private static final int MAX_SITEMAP_NESTING = 3;
    /** Raw links whose normalisation is remembered: a few MB, enough for the templates of many hosts. */
    private static final int LINK_MEMO_SIZE = 20_000;

    private final CrawlConfig config;
    private final UrlNormalizer normalizer;
    private final TrapGuard traps;
    private final SitemapQueue sitemaps;
    private final LinkMemo links;
    private final Scope scope;
    private final SeenSet seen;
    private final FrontierStore store;
    private final PolitenessGate gate;
    private final HostSchedule schedule;
    private final FrontierCounters counters;
    private int pagesInFlight;
    private int robotsInFlight;
    private long pagesStarted;
    private boolean stopped;
    private boolean paused;
    private Runnable beforeCommit = () -> { };
    private final Set<String> toResolve = new LinkedHashSet<>();
    private final Set<String> resolving = new java.util.HashSet<>();

    public Frontier(CrawlConfig config, FrontierStore store, SeenSet seen, PolitenessGate gate, Clock clock,
                    MeterRegistry registry) {
        this.config = config;
        this.scope = new Scope(config.scope());
        this.normalizer = new UrlNormalizer(config.scope().stripParams());
        this.traps = new TrapGuard(config.scope());
        this.sitemaps = new SitemapQueue(config.discovery().maxSitemaps());
        this.links = new LinkMemo(normalizer, scope, LINK_MEMO_SIZE);
        this.store = store;
        this.seen = seen;
        this.gate = gate;
        this.schedule = new HostSchedule(clock);
        this.counters = new FrontierCounters(registry);
        this.pagesStarted = store.pagesStartedBefore(); // a resumed crawl keeps its page budget
    }

    /**
     * Schedules the hosts an earlier run of this crawl left queued, and queues the configured seeds and sitemaps
     * (they define the scope, so only normalisation applies to them) unless an earlier run has seen them.
     */
    public void seed() {
        store.queuedHosts().forEach(host -> schedule.wake(host, 0)); // a resumed crawl's queues
        config.discovery().sitemaps().forEach(sitemap -> queueSitemap(sitemap, 0, null, false));
        for (String seed : config.crawl().seeds()) {
            String url = normalizer.normalize(seed);
            if (url == null) {
                counters.count(Event.INVALID);
            } else if (seen.add(url)) {
                enqueue(new CrawlUrl(url, UrlNormalizer.hostKey(url), 0, null, Via.SEED, 0, 0));
            }
        }
    }

    /** Queues a sitemap or feed; those found in robots.txt or an index must be in scope. */
    private void queueSitemap(String rawUrl, int depth, String referrer, boolean mustBeInScope) {
        String url = normalizer.normalize(rawUrl);
        if (url == null || mustBeInScope && !scope.allows(url)) {
            counters.count(url == null ? Event.INVALID : Event.OUT_OF_SCOPE);
            return;
        }
        CrawlUrl sitemap = new CrawlUrl(url, UrlNormalizer.hostKey(url), depth, referrer, Via.SITEMAP, 0, 0);
        if (sitemaps.offer(sitemap)) {
            counters.count(Event.SITEMAP_QUEUED);
            schedule.wake(sitemap.hostKey(), 0);
        }
    }

    /** Offers a link found on {@code from}; true when it was queued. */
    public boolean offer(DiscoveredLink link, CrawlUrl from) {
        int depth = from.depth() + 1;
        if (depth > config.crawl().maxDepth()) {
            counters.count(Event.TOO_DEEP);
            return false;
        }
        return admit(link.url(), depth, from.url(), link.via(), 0) == Event.QUEUED;
    }

    /**
     * Admits a seed added while the crawl runs: unlike a configured seed it goes through scope, dedup, traps and
     * the host's known robots rules like any link. The answer is what happened to it ({@code queued},
     * {@code out_of_scope}, {@code duplicate}, {@code robots_blocked}, ...).
     */
    public String addSeed(String rawUrl) {
        return admit(rawUrl, 0, null, Via.SEED, 0).name().toLowerCase(java.util.Locale.ROOT);
    }

    private Event admit(String rawUrl, int depth, String referrer, Via via, int redirects) {
        LinkMemo.Verdict judged = links.judge(rawUrl);
        String url = judged.url();
        if (url == null) {
            counters.count(Event.INVALID);
            return Event.INVALID;
        }
        if (!judged.inScope()) {
            counters.count(Event.OUT_OF_SCOPE);
            return Event.OUT_OF_SCOPE;
        }
        if (judged.knownSeen() || !seen.add(url)) {
            judged.markSeen();
            counters.count(Event.DUPLICATE);
            return Event.DUPLICATE;
        }
        judged.markSeen();
        String hostKey = UrlNormalizer.hostKey(url);
        TrapGuard.Verdict verdict = traps.admit(url, hostKey);
        if (verdict != TrapGuard.Verdict.OK) {
            Event refused = verdict == TrapGuard.Verdict.HOST_BUDGET ? Event.HOST_BUDGET : Event.TRAP;
            counters.count(refused);
            return refused;
        }
        if (!gate.allows(hostKey, url)) {
            // The host's rules are known and refuse it: queueing it would only cost a store write and a poll.
            // (Unknown rules let it in; the poll checks again against the rules of that moment.)
            counters.count(Event.ROBOTS_BLOCKED);
            return Event.ROBOTS_BLOCKED;
        }
        enqueue(new CrawlUrl(url, hostKey, depth, referrer, via, 0, redirects));
        return Event.QUEUED;
    }

    private void enqueue(CrawlUrl url) {
        store.push(url);
        counters.count(Event.QUEUED);
        schedule.wake(url.hostKey(), 0);
    }

    /** A task that may be started now, or null (then ask again at {@link #nextWakeAt()} or after an event). */
    public FetchTask poll() {
        if (stopped || paused) { // a pause leaves the schedule and every host's clock as they are
            return null;
        }
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
        if (store.size(host) == 0 && !sitemaps.has(host) || budgetSpent()) {
            return null;
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
                    gate.restoredSitemaps(host).forEach(map -> queueSitemap(map, 0, gate.robotsUrl(host), true));
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
                return new FetchTask(next, FetchTask.Kind.SITEMAP);
            }
            sitemaps.done();
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
                pagesStarted++;
                schedule.wake(host, 0); // another may start at once if perHostConcurrency allows
                return new FetchTask(next, FetchTask.Kind.PAGE);
            }
            counters.count(Event.ROBOTS_BLOCKED);
            store.done(next);
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
                        .forEach(sitemap -> queueSitemap(sitemap, 0, task.target().url(), true)));
            }
        } else if (task.kind() == FetchTask.Kind.SITEMAP) {
            gate.pageDone(result);
            if (!(result instanceof FetchResult.Fetched)) {
                sitemaps.done();
            }
            if (result instanceof FetchResult.Redirect moved && task.target().depth() < MAX_SITEMAP_NESTING) {
                queueSitemap(moved.location(), task.target().depth() + 1, task.target().url(), true);
            } else if (!(result instanceof FetchResult.Fetched)) {
                counters.count(Event.SITEMAP_PROBLEM);
            }
        } else {
            gate.pageDone(result);
            if (!(result instanceof FetchResult.Fetched)) {
                pagesInFlight--;
                afterFailedOrRedirected(result);
                store.done(task.target());
            }
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

    private void afterFailedOrRedirected(FetchResult result) {
        CrawlUrl url = result.task().target();
        if (result instanceof FetchResult.Redirect redirect) {
            if (url.redirects() >= config.fetch().maxRedirects()) {
                counters.count(Event.REDIRECT_LIMIT);
            } else {
                admit(redirect.location(), url.depth(), url.url(), Via.REDIRECT, url.redirects() + 1);
            }
        } else if (isTransient(result)) {
            if (url.attempt() < config.fetch().retries()) {
                counters.count(Event.RETRIED);
                store.push(url.nextAttempt());
            } else {
                counters.count(Event.FAILED);
            }
        }
    }

    private static boolean isTransient(FetchResult result) {
        return result instanceof FetchResult.NetworkError
                || result instanceof FetchResult.HttpError error && error.isTransient();
    }

    /** A sitemap or feed was read: offer its pages (one hop from the sitemap) and queue its child sitemaps. */
    public void onDiscovered(Discovered discovered) {
        sitemaps.done();
        CrawlUrl source = discovered.source();
        if (discovered.problem() != null) {
            counters.count(Event.SITEMAP_PROBLEM);
        }
        // A listed page is one hop from the sitemap, however deep the index nesting that led to it.
        CrawlUrl listing = new CrawlUrl(source.url(), source.hostKey(), 0, source.referrer(), Via.SITEMAP, 0, 0);
        for (String page : discovered.pages()) {
            offer(new DiscoveredLink(page, Via.SITEMAP), listing);
        }
        if (source.depth() < MAX_SITEMAP_NESTING) {
            discovered.sitemaps().forEach(child -> queueSitemap(child, source.depth() + 1, source.url(), false));
        }
    }

    /** A page went through extraction (and the sink): offer its links and forget it as in flight. */
    public void onProcessed(Processed processed) {
        pagesInFlight--;
        for (DiscoveredLink link : processed.links()) {
            offer(link, processed.source());
        }
        store.done(processed.source()); // after its links: a durable store keeps changes in order
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

    /**
     * Runs {@code hook} on this frontier's thread as each checkpoint commits, just before the store's write,
     * so that what the hook adds to a durable store's pending batch (the crawl's counters) is written with it.
     */
    public void beforeCheckpointCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    /** Clock time (ms) at which a waiting host becomes due, or {@link Long#MAX_VALUE} if none waits. */
    public long nextWakeAt() {
        return schedule.nextWakeAt();
    }

    public boolean isFinished() {
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

    /** Counters and per-host state for {@code /status}. */
    public JsonObject status(int maxHosts) {
        JsonObject hosts = new JsonObject();
        for (String host : schedule.knownHosts()) {
            if (hosts.size() >= maxHosts) {
                break;
            }
            hosts.put(host, gate.describe(host).put("queued", store.size(host)));
        }
        return new JsonObject()
                .put("queued", store.size())
                .put("seen", seen.size())
                .put("pagesStarted", pagesStarted)
                .put("pagesInFlight", pagesInFlight)
                .put("robotsInFlight", robotsInFlight)
                .put("sitemapsQueued", sitemaps.queued())
                .put("sitemapsInFlight", sitemaps.inFlight())
                .put("robotsBlocked", counters.get(Event.ROBOTS_BLOCKED))
                .put("hostCount", schedule.knownHosts().size())
                .put("dueHosts", paused ? 0 : dueHosts())
                .put("paused", paused)
                .put("hosts", hosts);
    }

    public long queued() {
        return store.size();
    }

    public int inFlight() {
        return pagesInFlight + robotsInFlight;
    }
}
