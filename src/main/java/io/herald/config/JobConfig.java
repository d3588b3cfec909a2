package io.herald.config;

import java.util.List;

/**
 * The {@code crawl} section: what to crawl and how far.
 *
 * @param name     a label for logs and the summary
 * @param seeds    absolute http(s) URLs to start from (at least one)
 * @param maxDepth link hops from a seed beyond which links are not followed (seeds are depth 0)
 * @param maxPages page fetches after which no new page is requested (robots.txt and hub revisits not counted)
 * @param mode     {@link Mode#ONCE}: read the site once and exit; {@link Mode#CONTINUOUS}: revisit hub pages on
 *                 the {@code recrawl} schedule until stopped
 */
public record JobConfig(String name, List<String> seeds, int maxDepth, long maxPages, Mode mode) {
    /** How long a crawl runs. */
    public enum Mode { ONCE, CONTINUOUS }

    public JobConfig {
        seeds = List.copyOf(seeds);
    }

    public boolean continuous() {
        return mode == Mode.CONTINUOUS;
    }
}
