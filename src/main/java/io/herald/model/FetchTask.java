package io.herald.model;

/**
 * One request the frontier hands to a fetcher.
 *
 * @param target what to fetch
 * @param kind   a host's robots.txt or an ordinary page
 */
public record FetchTask(CrawlUrl target, Kind kind) {

    public enum Kind { ROBOTS, PAGE }

    public boolean isRobots() {
        return kind == Kind.ROBOTS;
    }
}
