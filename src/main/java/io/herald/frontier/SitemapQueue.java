package io.herald.frontier;

import io.herald.model.CrawlUrl;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Sitemaps and feeds waiting to be read, per host, each at most once per crawl and no more than the
 * configured number in all. They are few, so they live on the heap; a host's sitemaps go before its pages.
 */
final class SitemapQueue {
    private final Map<String, ArrayDeque<CrawlUrl>> byHost = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final int max;
    private int queued;
    private int inFlight;

    SitemapQueue(int max) {
        this.max = max;
    }

    /** Queues a normalised sitemap URL; false when it was seen before or the crawl's allowance is spent. */
    boolean offer(CrawlUrl sitemap) {
        if (seen.size() >= max || !seen.add(sitemap.url())) {
            return false;
        }
        byHost.computeIfAbsent(sitemap.hostKey(), k -> new ArrayDeque<>()).add(sitemap);
        queued++;
        return true;
    }

    /**
     * Queues a feed or sitemap to be read again (a continuous crawl's revisit), past the once-per-crawl check and
     * the allowance; nothing happens when it is already waiting.
     */
    void requeue(CrawlUrl sitemap) {
        seen.add(sitemap.url()); // an offer of it later (from robots.txt, say) is then a duplicate
        ArrayDeque<CrawlUrl> queue = byHost.computeIfAbsent(sitemap.hostKey(), k -> new ArrayDeque<>());
        if (queue.stream().noneMatch(waiting -> waiting.url().equals(sitemap.url()))) {
            queue.add(sitemap);
            queued++;
        }
    }

    boolean has(String hostKey) {
        return byHost.containsKey(hostKey);
    }

    /** The host's next sitemap, now counted as in flight; null when it has none. */
    CrawlUrl poll(String hostKey) {
        ArrayDeque<CrawlUrl> queue = byHost.get(hostKey);
        if (queue == null) {
            return null;
        }
        CrawlUrl next = queue.poll();
        if (queue.isEmpty()) {
            byHost.remove(hostKey);
        }
        queued--;
        inFlight++;
        return next;
    }

    /** Takes a polled sitemap back out of flight (read, failed or refused by robots.txt). */
    void done() {
        inFlight--;
    }

    int drop(String hostKey) {
        ArrayDeque<CrawlUrl> queue = byHost.remove(hostKey);
        int dropped = queue == null ? 0 : queue.size();
        queued -= dropped;
        return dropped;
    }

    int queued() {
        return queued;
    }

    int inFlight() {
        return inFlight;
    }
}
