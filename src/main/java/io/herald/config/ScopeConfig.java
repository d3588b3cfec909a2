package io.herald.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code scope} section: which URLs the crawl may enter.
 *
 * @param hosts   host names in scope (the token {@code same-as-seeds} already expanded), lower case
 * @param include if not empty, a URL must match at least one of these (find, not full match)
 * @param exclude a URL matching any of these is out of scope
 */
public record ScopeConfig(Set<String> hosts, List<Pattern> include, List<Pattern> exclude) {
    public ScopeConfig {
        hosts = Set.copyOf(hosts);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
