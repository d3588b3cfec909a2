package io.herald.model;

/**
 * One request the frontier hands to a fetcher.
 *
 * @param target what to fetch
 * @param kind   a host's robots.txt, a sitemap or feed, or an ordinary page
 */
public record FetchTask(CrawlUrl target, Kind kind) {

    public enum Kind { ROBOTS, SITEMAP, PAGE }

    public boolean isRobots() {
        return kind == Kind.ROBOTS;
    }

    /** robots.txt and sitemaps are read whatever their content type; pages must be HTML. */
    public boolean acceptsAnyContentType() {
        return kind != Kind.PAGE;
    }
}
