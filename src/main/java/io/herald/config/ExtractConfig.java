package io.herald.config;

import java.util.List;

/**
 * The {@code extract} section.
 *
 * @param workers  extractor instances on worker threads
 * @param minWords an article page needs at least this many words of body text to be written
 * @param rules    optional per-site selector rules; the generic extractor is used where none matches
 */
public record ExtractConfig(int workers, int minWords, List<SiteRule> rules) {
    public ExtractConfig {
        rules = List.copyOf(rules);
    }
}
