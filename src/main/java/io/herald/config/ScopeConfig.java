package io.herald.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code scope} section: which URLs the crawl may enter, and the URL hygiene that keeps it out of traps.
 *
 * @param hosts               host names in scope (the token {@code same-as-seeds} already expanded), lower case
 * @param include             if not empty, a URL must match at least one of these (find, not full match)
 * @param exclude             a URL matching any of these is out of scope
 * @param stripParams         query parameter names removed from every URL; a trailing {@code *} matches a prefix
 * @param maxUrlLength        longer URLs are dropped
 * @param maxPathDepth        URLs with more path segments are dropped
 * @param maxRepeatedSegments URLs in which one path segment occurs more often are dropped (calendar-style traps)
 * @param maxPagesPerHost     URLs queued per host at most; zero is no limit
 */
public record ScopeConfig(Set<String> hosts, List<Pattern> include, List<Pattern> exclude, List<String> stripParams,
                          int maxUrlLength, int maxPathDepth, int maxRepeatedSegments, long maxPagesPerHost) {
    public ScopeConfig {
        hosts = Set.copyOf(hosts);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        stripParams = List.copyOf(stripParams);
    }

    /** Only hosts and patterns; URL hygiene at its defaults. */
    public static ScopeConfig of(Set<String> hosts, List<Pattern> include, List<Pattern> exclude) {
        return new ScopeConfig(hosts, include, exclude, List.of("utm_*", "fbclid", "gclid"), 2048, 16, 3, 0);
    }
}
