package io.herald.model;

import java.util.List;

/**
 * Cluster mode: URLs of hosts this node owns, admitted by another node and sent here. An empty batch only asks the
 * frontier to look at the cluster's state again (another node went idle, or the crawl is over everywhere).
 *
 * @param from the node that sent them, or null (this node's own: a taken-over queue, a nudge)
 */
public record HandedOver(List<CrawlUrl> urls, String from) {
    public HandedOver {
        urls = List.copyOf(urls);
    }

    public HandedOver(List<CrawlUrl> urls) {
        this(urls, null);
    }
}
