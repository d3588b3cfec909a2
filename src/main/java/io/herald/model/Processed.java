package io.herald.model;

import java.util.List;
import java.util.Objects;

/**
 * The end of one page's trip through the pipeline: the frontier may forget it as in flight.
 *
 * @param source  the frontier entry that was fetched
 * @param links   links to offer (empty when the page was not HTML or failed)
 * @param article true when an article was written for it
 * @param type    what the extractor took the page for ({@link PageType#OTHER} when extraction failed); a
 *                continuous crawl revisits {@link PageType#FRONT} pages as hubs
 */
public record Processed(CrawlUrl source, List<DiscoveredLink> links, boolean article, PageType type) {
    public Processed {
        links = List.copyOf(links);
        Objects.requireNonNull(type, "type");
    }
}
