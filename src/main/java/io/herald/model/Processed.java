package io.herald.model;

import java.util.List;

/**
 * The end of one page's trip through the pipeline: the frontier may forget it as in flight.
 *
 * @param source  the frontier entry that was fetched
 * @param links   links to offer (empty when the page was not HTML or failed)
 * @param article true when an article was written for it
 */
public record Processed(CrawlUrl source, List<DiscoveredLink> links, boolean article) {
    public Processed {
        links = List.copyOf(links);
    }
}
