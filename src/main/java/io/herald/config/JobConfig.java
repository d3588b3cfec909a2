package io.herald.config;

import java.util.List;

/**
 * The {@code crawl} section: what to crawl and how far.
 *
 * @param name     a label for logs and the summary
 * @param seeds    absolute http(s) URLs to start from (at least one)
 * @param maxDepth link hops from a seed beyond which links are not followed (seeds are depth 0)
 * @param maxPages page fetches after which no new page is requested (robots.txt not counted)
 */
public record JobConfig(String name, List<String> seeds, int maxDepth, long maxPages) {
    public JobConfig {
        seeds = List.copyOf(seeds);
    }
}
