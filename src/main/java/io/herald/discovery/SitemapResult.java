package io.herald.discovery;

import java.util.List;

/**
 * What one sitemap document yielded.
 *
 * @param pages    pages to offer to the frontier, in document order, de-duplicated, fresh enough and capped
 * @param sitemaps child sitemaps of a sitemap index, to fetch next (empty for a urlset or a feed)
 * @param problem  {@code null} when the document was understood, else a short reason why it was not
 *                 (then both lists are empty)
 */
public record SitemapResult(List<SitemapEntry> pages, List<String> sitemaps, String problem) {
    public SitemapResult {
        pages = List.copyOf(pages);
        sitemaps = List.copyOf(sitemaps);
    }

    static SitemapResult failed(String reason) {
        return new SitemapResult(List.of(), List.of(), reason);
    }

    /** True when the document was understood (it may still have listed nothing). */
    public boolean ok() {
        return problem == null;
    }
}
