package io.herald.model;

import java.util.Objects;

/**
 * A normalised URL the frontier has accepted, with what it knows about how it got there.
 *
 * @param url       the normalised absolute URL
 * @param hostKey   {@code scheme://host:port}, the unit of politeness and of ownership
 * @param depth     link hops from a seed (seeds are 0; redirects keep their source's depth)
 * @param referrer  the page it was found on, or {@code null} for seeds
 * @param via       how it was found
 * @param attempt   0 for the first try, incremented on each retry after a transient failure
 * @param redirects redirect hops already followed to reach it
 */
public record CrawlUrl(String url, String hostKey, int depth, String referrer, Via via, int attempt, int redirects) {

    public CrawlUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(via, "via");
    }

    /** The same URL, to be tried once more. */
    public CrawlUrl nextAttempt() {
        return new CrawlUrl(url, hostKey, depth, referrer, via, attempt + 1, redirects);
    }
}
