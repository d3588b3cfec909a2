package io.herald.model;

import java.util.Objects;

/**
 * One request the frontier hands to a fetcher.
 *
 * @param target     what to fetch
 * @param kind       a host's robots.txt, a sitemap or feed, or an ordinary page
 * @param validators what an earlier response of this URL said it was, for a conditional request (a revisit of a
 *                   hub in a continuous crawl); {@link Validators#NONE} otherwise
 */
public record FetchTask(CrawlUrl target, Kind kind, Validators validators) {

    public enum Kind { ROBOTS, SITEMAP, PAGE }

    public FetchTask {
        Objects.requireNonNull(validators, "validators");
    }

    /** An unconditional request. */
    public FetchTask(CrawlUrl target, Kind kind) {
        this(target, kind, Validators.NONE);
    }

    public boolean isRobots() {
        return kind == Kind.ROBOTS;
    }

    /** robots.txt and sitemaps are read whatever their content type; pages must be HTML. */
    public boolean acceptsAnyContentType() {
        return kind != Kind.PAGE;
    }
}
