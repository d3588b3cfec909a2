package io.herald.frontier;

import io.herald.config.CrawlConfig;
import io.herald.model.CrawlUrl;
import io.herald.model.FetchResult;
import io.herald.model.PageType;
import io.herald.model.Processed;
import io.herald.model.RevisitStatus;
import io.herald.model.Validators;
import io.herald.model.Via;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The frontier's part of a continuous crawl ({@code crawl.mode: continuous}): which pages are hubs, when each is due
 * again (the {@link RevisitSchedule}), the validators its revisit sends, and the discovery latency of the stories it
 * finds. In {@code once} mode every method does nothing and hands out nothing. Single-threaded (the frontier's).
 */
final class Revisits {
    private static final int NEXT_SHOWN = 5;

    private final boolean on;
    private final Clock clock;
    private final RevisitSchedule schedule;
    private final DiscoveryLatency latency = new DiscoveryLatency();
    /** Pages queued by the offers under way, and whether they are new links of a hub read before. */
    private int queuedNow;
    private boolean sighting;

    Revisits(CrawlConfig config, Clock clock, RevisitStore store) {
        this.on = config.crawl().continuous();
        this.clock = clock;
        this.schedule = new RevisitSchedule(config.recrawl(), clock, on ? store : RevisitStore.NONE);
    }

    boolean on() {
        return on;
    }

    /** Seeds an earlier run read are not queued again; they are hubs all the same, due now unless scheduled. */
    void knownSeeds(List<String> urls) {
        if (on) {
            urls.forEach(url -> schedule.addDueNow(url, false, 0));
        }
    }

    /**
     * Hubs due for a revisit go to their host's queue (a feed to the sitemap queue), past the seen set but through
     * the same politeness gate and robots rules as any URL; answers their hosts, to be woken.
     */
    List<String> release(FrontierStore store, SitemapQueue sitemaps) {
        if (!on) {
            return List.of();
        }
        return schedule.takeDue().stream().map(hub -> {
            CrawlUrl target = hub.target();
            if (hub.feed()) {
                sitemaps.requeue(target);
            } else {
                store.push(target);
            }
            return target.hostKey();
        }).toList();
    }

    /** What a request for {@code url} sends to be answered 304 if unchanged ({@link Validators#NONE}: nothing). */
    Validators validators(String url) {
        return on ? schedule.validators(url) : Validators.NONE;
    }

    /** A revisit of a hub (not a new page: it does not count towards the page budget). */
    boolean isRevisit(String url) {
        return on && schedule.isPending(url);
    }

    /**
     * The end of a page or feed exchange: a full response's validators are kept until its page is read; a hub's
     * visit that goes no further than the fetcher (a 304, a failure) found no new links.
     */
    void fetched(FetchResult result, boolean feed) {
        CrawlUrl target = result.task().target();
        if (!on) {
            return;
        }
        if (result instanceof FetchResult.Fetched fetched) {
            schedule.fetched(target.url(), fetched.validators());
        } else if (schedule.isHub(target.url())) {
            Validators validators = result instanceof FetchResult.NotModified same ? same.validators() : null;
            schedule.visited(target.url(), feed, target.depth(), 0, validators);
        }
    }

    /**
     * robots.txt refused a page or feed: a revisit refused found nothing (a hub's interval grows, an article's
     * visit is used up), so the hub is no longer pending and comes back on its schedule.
     */
    void refused(CrawlUrl target, boolean feed) {
        if (on && schedule.isPending(target.url())) {
            schedule.visited(target.url(), feed, target.depth(), 0, null);
        }
    }

    /** Runs the offers of one page or feed; answers how many pages they queued, noting new links of a revisit. */
    int offered(String sourceUrl, Runnable offers) {
        queuedNow = 0;
        sighting = isRevisit(sourceUrl);
        try {
            offers.run();
            return queuedNow;
        } finally {
            sighting = false;
        }
    }

    /** A page was queued (by {@link Admission}). */
    void queued(CrawlUrl url) {
        queuedNow++;
        if (sighting) {
            latency.sighted(url.url(), clock.millis());
        }
    }

    /** A feed or sitemap was read and {@code queued} of its pages were new: every feed is a hub. */
    void feedRead(CrawlUrl source, int queued) {
        if (on) {
            schedule.visited(source.url(), true, source.depth(), queued, null);
        }
    }

    /**
     * A page went through extraction: a hub's interval adapts to its new links; an article ends a latency, and is
     * scheduled for its revisits the first time (an article's revisit, written or not, uses one up).
     */
    void pageRead(Processed processed, int queued) {
        if (!on) {
            return;
        }
        CrawlUrl source = processed.source();
        if (processed.article()) {
            latency.written(source.url(), clock.millis());
        }
        if (isHub(processed)) {
            schedule.visited(source.url(), false, source.depth(), queued, null);
        } else if (processed.article()) {
            schedule.articleRead(source.url(), source.depth());
        } else {
            schedule.forget(source.url());
        }
    }

    /** Seeds and section fronts are hubs; so is a page once scheduled as one (an article awaiting a revisit too). */
    private boolean isHub(Processed processed) {
        CrawlUrl source = processed.source();
        return processed.type() == PageType.FRONT || source.depth() == 0 && source.via() == Via.SEED
                || schedule.isHub(source.url());
    }

    /** Clock time (ms) of the next revisit, or {@link Long#MAX_VALUE}. */
    long nextDueAt() {
        return on ? schedule.nextDueAt() : Long.MAX_VALUE;
    }

    RevisitStatus status() {
        if (!on) {
            return RevisitStatus.NONE;
        }
        List<RevisitStatus.NextVisit> next = schedule.soonest(NEXT_SHOWN).stream()
                .map(hub -> new RevisitStatus.NextVisit(hub.url(), Instant.ofEpochMilli(hub.dueAt()),
                        hub.intervalMs() / 1000.0))
                .toList();
        return new RevisitStatus(schedule.size(), next, latency.summary());
    }
}
