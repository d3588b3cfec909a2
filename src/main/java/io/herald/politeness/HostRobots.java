package io.herald.politeness;

import crawlercommons.robots.BaseRobotRules;

import java.time.Duration;
import java.util.List;

/**
 * Where one host's robots.txt stands, and its transitions: unknown → fetching → ready (2xx, 4xx, redirect
 * chain that cannot be followed), or → unreachable (5xx, 429, network) and back to unknown when the retry is
 * due, or → given up. Ready rules go stale after {@code robotsTtl} and are fetched again, the old ones holding
 * meanwhile. A host given up for another reason (Crawl-delay above the cap, dead) is given up here too, since
 * it is the one state in which the host gets nothing at all. Mutable, one thread.
 */
final class HostRobots {
    enum Stage { UNKNOWN, FETCHING, READY, UNREACHABLE, GIVEN_UP }

    private final String hostKey;
    private Stage stage = Stage.UNKNOWN;
    private BaseRobotRules rules;
    /** How the current rules came about: fetched, 4xx-allow, redirect-allow. */
    private String source;
    private boolean truncated;
    private String url;
    private int redirects;
    private int failures;
    private long retryAt;
    private long fetchedAt;
    private Duration crawlDelay = Duration.ZERO;
    /** Rules restored from an earlier run whose Sitemap: lines the frontier has not been told about yet. */
    private boolean sitemapsToAnnounce;
    /** Why the host gets no more requests, once it gets none; null while it is crawled. */
    private String skipReason;

    HostRobots(String hostKey) {
        this.hostKey = hostKey;
        this.url = defaultUrl();
    }

    /**
     * Moves on with time: an unreachable robots.txt whose retry is due, and rules older than {@code ttl}, are
     * to be fetched again.
     */
    void tick(long now, Duration ttl) {
        if (stage == Stage.UNREACHABLE && now >= retryAt) {
            stage = Stage.UNKNOWN;
        } else if (stage == Stage.READY && now - fetchedAt >= ttl.toMillis()) {
            stage = Stage.UNKNOWN; // stale: fetch again, keep the old rules meanwhile
            url = defaultUrl();
            redirects = 0;
        }
    }

    /** What robots.txt alone says of the host now: null when it lets the host's clock decide. */
    Decision hold() {
        switch (stage) {
            case GIVEN_UP:
                return Decision.GIVE_UP;
            case FETCHING:
                return Decision.BLOCKED;
            case UNREACHABLE:
                return Decision.waitUntil(retryAt);
            default:
                return null;
        }
    }

    /** True when robots.txt is to be requested before anything else. */
    boolean mustFetch() {
        return stage == Stage.UNKNOWN;
    }

    void fetching() {
        stage = Stage.FETCHING;
    }

    /** Rules accepted, from a body ({@code fetched}) or synthetic ({@code 4xx-allow}, {@code redirect-allow}). */
    void accept(BaseRobotRules rules, String source, long now, Duration crawlDelay) {
        this.rules = rules;
        this.stage = Stage.READY;
        this.source = source;
        this.failures = 0;
        this.fetchedAt = now;
        this.sitemapsToAnnounce = false; // the caller reads these rules' sitemaps itself
        this.crawlDelay = crawlDelay;
    }

    /** Whether the body just received was cut at the download cap. */
    void truncated(boolean truncated) {
        this.truncated = truncated;
    }

    /** True when a redirect to {@code location} may be followed (RFC 9309: up to 5 hops). */
    boolean mayFollow(String location) {
        return RobotsPolicy.followable(redirects, location);
    }

    void redirectTo(String location) {
        url = location;
        redirects++;
        stage = Stage.UNKNOWN;
    }

    /**
     * robots.txt could not be had: ask again at {@code retryAt}, or give the host up once more than
     * {@code maxRetries} retries failed.
     */
    void unreachable(long retryAt, int maxRetries) {
        failures++;
        if (failures > maxRetries) {
            giveUp("robots.txt unreachable after " + failures + " tries");
        } else {
            stage = Stage.UNREACHABLE;
            this.retryAt = retryAt;
        }
    }

    void giveUp(String reason) {
        stage = Stage.GIVEN_UP;
        skipReason = reason;
    }

    /** Rules saved by an earlier run; {@code announceSitemaps} when they came from a body with Sitemap: lines. */
    void restoreRules(BaseRobotRules rules, String source, boolean truncated, long fetchedAt, Duration crawlDelay,
                      boolean announceSitemaps) {
        this.rules = rules;
        this.source = source;
        this.truncated = truncated;
        this.fetchedAt = fetchedAt;
        this.crawlDelay = crawlDelay;
        this.sitemapsToAnnounce = announceSitemaps;
    }

    /** Saved rules are ready again, as fetched from {@code url}. */
    void restoreReady(String url) {
        this.stage = Stage.READY;
        this.url = url;
    }

    void restoreUnreachable(long retryAt) {
        this.stage = Stage.UNREACHABLE;
        this.retryAt = retryAt;
    }

    void restoreFailures(int failures) {
        this.failures = failures;
    }

    /** True when the rules allow the URL; true too while no rules are known. */
    boolean allows(String url) {
        return rules == null || rules.isAllowed(url);
    }

    /** The Sitemap: lines of restored rules the first time they are asked for; then none. */
    List<String> takeRestoredSitemaps() {
        if (!sitemapsToAnnounce) {
            return List.of();
        }
        sitemapsToAnnounce = false;
        return rules.getSitemaps();
    }

    private String defaultUrl() {
        return hostKey + "/robots.txt";
    }

    Stage stage() {
        return stage;
    }

    BaseRobotRules rules() {
        return rules;
    }

    String source() {
        return source;
    }

    boolean truncated() {
        return truncated;
    }

    String url() {
        return url;
    }

    int failures() {
        return failures;
    }

    long retryAt() {
        return retryAt;
    }

    long fetchedAt() {
        return fetchedAt;
    }

    Duration crawlDelay() {
        return crawlDelay;
    }

    String skipReason() {
        return skipReason;
    }
}
