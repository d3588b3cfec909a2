package io.herald.model;

import java.util.List;

/**
 * What a sitemap or feed listed.
 *
 * @param source   the sitemap task's target
 * @param pages    page URLs to offer (already filtered for freshness and capped)
 * @param sitemaps child sitemaps of a sitemap index
 * @param problem  why nothing could be read, or null
 */
public record Discovered(CrawlUrl source, List<String> pages, List<String> sitemaps, String problem) {
    public Discovered {
        pages = List.copyOf(pages);
        sitemaps = List.copyOf(sitemaps);
    }
}
