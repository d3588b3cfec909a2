package io.herald.config;

import java.time.Duration;

/**
 * The {@code recrawl} section: how a continuous crawl ({@code crawl.mode: continuous}) revisits its hub pages
 * (seeds, section fronts, feeds and sitemaps). Each hub's interval starts at {@code minInterval}, halves when a
 * visit finds new links and grows by half when it finds none, always within the bounds.
 *
 * @param minInterval shortest time between two visits of one hub
 * @param maxInterval longest time between two visits of one hub (at least {@code minInterval})
 * @param maxHubs     pages scheduled at most (hubs, and articles awaiting a revisit); pages beyond it are read once
 * @param articleRevisits how many times an article is read again for updates (0: never, articles are read once)
 * @param articleInterval time from one read of an article to its next revisit
 */
public record RecrawlConfig(Duration minInterval, Duration maxInterval, int maxHubs, int articleRevisits,
                            Duration articleInterval) {
}
