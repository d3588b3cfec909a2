package io.herald.frontier;

import io.herald.config.CrawlConfig;
import io.herald.frontier.FrontierCounters.Event;
import io.herald.model.CrawlUrl;
import io.herald.model.Discovered;
import io.herald.model.DiscoveredLink;
import io.herald.model.FetchResult;
import io.herald.model.Via;
import io.herald.politeness.PolitenessGate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What may join the frontier's queues: seeds and configured sitemaps (they define the scope, so only normalisation
 * applies to them); links from pages and sitemaps (normalised, scoped, de-duplicated, depth-limited, trap-guarded,
 * and checked against a host's robots rules when they are known); sitemaps named in robots.txt or an index; redirect
 * targets; retries of transient failures. An admitted page goes to the {@link FrontierStore}, a sitemap to the
 * {@link SitemapQueue}, and its host is woken. Runs on the frontier's thread.
 */
final class Admission {
    /** Sitemap indexes may nest; deeper than this is a loop or a trap. */
    static final int MAX_SITEMAP_NESTING = 3;
    /** Raw links whose normalisation is remembered: a few MB, enough for the templates of many hosts. */
    private static final int LINK_MEMO_SIZE = 20_000;

    private final CrawlConfig config;
    private final UrlNormalizer normalizer;
    private final Scope scope;
    private final LinkMemo links;
    private final TrapGuard traps;
    private final FrontierStore store;
    private final SeenSet seen;
    private final SitemapQueue sitemaps;
    private final PolitenessGate gate;
    private final HostSchedule schedule;
    private final FrontierCounters counters;
    private final Consumer<CrawlUrl> onQueued;
    private final HostShare share;

    /** @param onQueued told of each page queued (not of sitemaps or retries) */
    Admission(CrawlConfig config, FrontierStore store, SeenSet seen, SitemapQueue sitemaps, PolitenessGate gate,
              HostSchedule schedule, FrontierCounters counters, Consumer<CrawlUrl> onQueued, HostShare share) {
        this.onQueued = onQueued;
        this.config = config;
        this.normalizer = new UrlNormalizer(config.scope().stripParams());
        this.scope = new Scope(config.scope());
        this.links = new LinkMemo(normalizer, scope, LINK_MEMO_SIZE);
        this.traps = new TrapGuard(config.scope());
        this.store = store;
        this.seen = seen;
        this.sitemaps = sitemaps;
        this.gate = gate;
        this.schedule = schedule;
        this.counters = counters;
        this.share = share;
    }

    /**
     * Queues the configured sitemaps and seeds, unless an earlier run has seen them; answers the seeds it has seen
     * (normalised), which a continuous crawl revisits rather than queues. In a cluster every node has the same seeds
     * and queues only those of its own hosts: routed by the same rule as links, without a message.
     */
    List<String> seed() {
        config.discovery().sitemaps().stream().filter(this::ownsUrl)
                .forEach(sitemap -> sitemap(sitemap, 0, null, false));
        List<String> known = new ArrayList<>();
        for (String seed : config.crawl().seeds()) {
            String url = normalizer.normalize(seed);
            if (url == null) {
                counters.count(Event.INVALID);
            } else if (!share.owns(UrlNormalizer.hostKey(url))) {
                continue; // another node's seed, and its hub
            } else if (seen.add(url)) {
                enqueue(new CrawlUrl(url, UrlNormalizer.hostKey(url), 0, null, Via.SEED, 0, 0));
            } else {
                known.add(url);
            }
        }
        return known;
    }

    /** Queues a sitemap or feed; those found in robots.txt or an index must be in scope. */
    void sitemap(String rawUrl, int depth, String referrer, boolean mustBeInScope) {
        String url = normalizer.normalize(rawUrl);
        if (url == null || mustBeInScope && !scope.allows(url)) {
            counters.count(url == null ? Event.INVALID : Event.OUT_OF_SCOPE);
            return;
        }
        CrawlUrl sitemap = new CrawlUrl(url, UrlNormalizer.hostKey(url), depth, referrer, Via.SITEMAP, 0, 0);
        if (!share.owns(sitemap.hostKey())) {
            return; // cluster mode: only a host's owner fetches from it (docs/cluster.md: what is not read)
        }
        if (sitemaps.offer(sitemap)) {
            counters.count(Event.SITEMAP_QUEUED);
            schedule.wake(sitemap.hostKey(), 0);
        }
    }

    /** Offers a link found on {@code from}; true when it was queued. */
    boolean offer(DiscoveredLink link, CrawlUrl from) {
        int depth = from.depth() + 1;
        if (depth > config.crawl().maxDepth()) {
            counters.count(Event.TOO_DEEP);
            return false;
        }
        return admit(link.url(), depth, from.url(), link.via(), 0, null) == Event.QUEUED;
    }

    /** Offers a sitemap's pages (one hop from the sitemap) and queues its child sitemaps. */
    void discovered(Discovered discovered) {
        CrawlUrl source = discovered.source();
        // A listed page is one hop from the sitemap, however deep the index nesting that led to it.
        CrawlUrl listing = new CrawlUrl(source.url(), source.hostKey(), 0, source.referrer(), Via.SITEMAP, 0, 0);
        for (String page : discovered.pages()) {
            offer(new DiscoveredLink(page, Via.SITEMAP), listing);
        }
        if (source.depth() < MAX_SITEMAP_NESTING) {
            discovered.sitemaps().forEach(child -> sitemap(child, source.depth() + 1, source.url(), false));
        }
    }

    /** A page fetch that went no further: a redirect's target is admitted like a link, a transient failure re-queued. */
    void retryOrFollow(FetchResult result) {
        CrawlUrl url = result.task().target();
        if (result instanceof FetchResult.Redirect redirect) {
            if (url.redirects() >= config.fetch().maxRedirects()) {
                counters.count(Event.REDIRECT_LIMIT);
            } else {
                admit(redirect.location(), url.depth(), url.url(), Via.REDIRECT, url.redirects() + 1, null);
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

    /**
     * Admits a URL that another node admitted and handed over because this node owns its host: de-duplicated, trap-
     * guarded and checked against robots here, where the host's seen URLs and rules are.
     */
    /** The cluster's share of hosts changed: a link handed over to its old owner is no longer known to be seen. */
    void shareChanged() {
        links.clear();
    }

    /**
     * A URL another node sent ({@code from}); true when it was passed on, its host being another node's now (the
     * sender's ring was older, or this node owned the host before and was asked whether it saw the URL).
     */
    boolean handedOver(CrawlUrl url, String from) {
        return admit(url.url(), url.depth(), url.referrer(), url.via(), url.redirects(), from == null ? "" : from)
                == Event.HANDED_OVER;
    }

    private boolean ownsUrl(String rawUrl) {
        String url = normalizer.normalize(rawUrl);
        return url == null || share.owns(UrlNormalizer.hostKey(url)); // an invalid one is counted where it is read
    }

    private static boolean isTransient(FetchResult result) {
        return result instanceof FetchResult.NetworkError
                || result instanceof FetchResult.HttpError error && error.isTransient();
    }

    /**
     * Admits a seed added while the crawl runs: unlike a configured seed it goes through scope, dedup, traps and
     * the host's known robots rules like any link. The answer is what happened to it ({@code queued},
     * {@code out_of_scope}, {@code duplicate}, {@code robots_blocked}, ...).
     */
    String addSeed(String rawUrl) {
        return admit(rawUrl, 0, null, Via.SEED, 0, null).name().toLowerCase(Locale.ROOT);
    }

    /** @param from the node that sent the URL ("" for this node's own queue), or null for a URL found here */
    private Event admit(String rawUrl, int depth, String referrer, Via via, int redirects, String from) {
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
        String owner = UrlNormalizer.hostKey(url);
        if (!share.owns(owner)) { // its owner de-duplicates it: the seen set of a host lives where its queue does
            // handed over already (a nav link on every page need not go every time); or sent here by another node
            // and seen here, when this node owned the host: the new owner asks (see HostShare.previousOwner). Never
            // added here: this node's seen set must not hold a URL that only its memory (the outbox) holds.
            if (from == null ? judged.knownSeen() : seen.contains(url)) {
                counters.count(Event.DUPLICATE);
                return Event.DUPLICATE;
            }
            judged.markSeen();
            share.handOver(new CrawlUrl(url, owner, depth, referrer, via, 0, redirects));
            counters.count(Event.HANDED_OVER);
            return Event.HANDED_OVER;
        }
        String previous = share.previousOwner(owner);
        boolean checked = previous != null && previous.equals(from);
        if (previous != null && !checked) {
            if (judged.knownSeen() || seen.contains(url)) {
                counters.count(Event.DUPLICATE);
                return Event.DUPLICATE;
            }
            judged.markSeen(); // on its way to be checked: a repeat need not go too
            share.check(new CrawlUrl(url, owner, depth, referrer, via, 0, redirects), previous);
            counters.count(Event.HANDED_OVER);
            return Event.HANDED_OVER;
        }
        // taken over from a dropped node's replicated queue: queued even if seen here (this node may have owned the
        // host before and handed the URL to the dropped node, which never crawled it); a refetch writes nothing twice
        boolean takenOver = "".equals(from);
        if (takenOver) {
            seen.add(url);
        } else if (judged.knownSeen() && !checked || !seen.add(url)) {
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
        onQueued.accept(url);
    }
}
