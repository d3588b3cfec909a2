package io.herald.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code discovery} section: sitemaps and news feeds as sources of URLs, fetched through the same
 * politeness gate as pages.
 *
 * @param sitemaps          sitemap, sitemap-index, RSS or Atom URLs read at the start
 * @param fromRobots        also read the {@code Sitemap:} lines of each in-scope host's robots.txt
 * @param maxAge            only URLs published (or modified) within this long ago; zero keeps all
 * @param maxUrlsPerSitemap URLs taken from one sitemap or feed at most
 * @param maxSitemaps       sitemaps and feeds read per crawl at most (indexes included)
 */
public record DiscoveryConfig(List<String> sitemaps, boolean fromRobots, Duration maxAge, int maxUrlsPerSitemap,
                              int maxSitemaps) {
    public DiscoveryConfig {
        sitemaps = List.copyOf(sitemaps);
    }

    /** No configured sitemaps and none from robots.txt. */
    public static DiscoveryConfig off() {
        return new DiscoveryConfig(List.of(), false, Duration.ZERO, 50_000, 1000);
    }
}
