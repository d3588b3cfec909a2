package io.herald.frontier;

import io.herald.config.ScopeConfig;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the crawl out of URL spaces that never end: calendars, session-id loops, faceted search,
 * relative-link recursion. A URL is refused when it is too long, too deep, or repeats one path segment
 * too often, and a host stops taking new URLs once it has queued its page budget.
 */
final class TrapGuard {
    enum Verdict { OK, TOO_LONG, TRAP, HOST_BUDGET }

    private final ScopeConfig config;
    private final Map<String, Long> admittedPerHost = new HashMap<>();

    TrapGuard(ScopeConfig config) {
        this.config = config;
    }

    /** Judges a normalised URL; {@link Verdict#OK} also counts it against its host's budget. */
    Verdict admit(String url, String hostKey) {
        if (url.length() > config.maxUrlLength()) {
            return Verdict.TOO_LONG;
        }
        if (looksLikeTrap(URI.create(url).getRawPath())) {
            return Verdict.TRAP;
        }
        long admitted = admittedPerHost.getOrDefault(hostKey, 0L);
        if (config.maxPagesPerHost() > 0 && admitted >= config.maxPagesPerHost()) {
            return Verdict.HOST_BUDGET;
        }
        admittedPerHost.put(hostKey, admitted + 1);
        return Verdict.OK;
    }

    private boolean looksLikeTrap(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        String[] segments = path.substring(1).split("/");
        if (segments.length > config.maxPathDepth()) {
            return true;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String segment : segments) {
            if (!segment.isEmpty() && seen.merge(segment, 1, Integer::sum) > config.maxRepeatedSegments()) {
                return true;
            }
        }
        return false;
    }
}
