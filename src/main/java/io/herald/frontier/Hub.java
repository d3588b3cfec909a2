package io.herald.frontier;

import io.herald.model.CrawlUrl;
import io.herald.model.Validators;
import io.herald.model.Via;

import java.util.Objects;

/**
 * A page a continuous crawl reads again: a hub (a seed, a section front, a feed or a sitemap), again and again for
 * new links, or an article, a bounded number of times for updates ({@code recrawl.articleRevisits}).
 *
 * @param url        the normalised URL
 * @param feed       a feed or sitemap (read by discovery) rather than an HTML page
 * @param depth      its depth in the crawl, kept so that the links of a revisit are as deep as the first time
 * @param intervalMs time from one visit to the next, adapted after each visit
 * @param dueAt      clock time (epoch ms) of the next visit
 * @param validators the {@code ETag}/{@code Last-Modified} of the last full response, for a conditional request
 * @param revisitsLeft for an article, how many more times it is read ({@code >= 1}); {@link #HUB} for a hub
 */
public record Hub(String url, boolean feed, int depth, long intervalMs, long dueAt, Validators validators,
                  int revisitsLeft) {
    /** The {@code revisitsLeft} of a hub: it is read until the crawl stops. */
    public static final int HUB = -1;

    public Hub {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(validators, "validators");
    }

    /** A hub (not an article). */
    public Hub(String url, boolean feed, int depth, long intervalMs, long dueAt, Validators validators) {
        this(url, feed, depth, intervalMs, dueAt, validators, HUB);
    }

    /** An article read again for updates, rather than a hub read for links. */
    public boolean article() {
        return revisitsLeft != HUB;
    }

    /** The frontier entry that visits it again. */
    CrawlUrl target() {
        Via via = feed ? Via.SITEMAP : depth == 0 ? Via.SEED : Via.LINK;
        return new CrawlUrl(url, UrlNormalizer.hostKey(url), depth, null, via, 0, 0);
    }

    Hub next(long interval, long due, Validators kept) {
        return new Hub(url, feed, depth, interval, due, kept, revisitsLeft);
    }

    /** An article after one more revisit, due again at {@code due}. */
    Hub revisited(long due, Validators kept) {
        return new Hub(url, feed, depth, intervalMs, due, kept, revisitsLeft - 1);
    }
}
