package io.herald.model;

import java.util.List;

/**
 * How an article was extracted.
 *
 * @param method which sources contributed, e.g. {@code jsonld+generic} or {@code jsonld+rules}
 * @param rule   the site rule used (its first host), or null
 * @param flags  quality flags such as {@code paywall}, {@code rule-missed}; empty when none
 */
public record Extraction(String method, String rule, List<String> flags) {
    public Extraction {
        flags = List.copyOf(flags);
    }
}
