package io.herald.model;

import java.util.List;

/**
 * Cluster mode: URLs of hosts this node owns, admitted by another node and sent here. An empty batch only asks the
 * frontier to look at the cluster's state again (another node went idle, or the crawl is over everywhere).
 */
public record HandedOver(List<CrawlUrl> urls) {
    public HandedOver {
        urls = List.copyOf(urls);
    }
}
