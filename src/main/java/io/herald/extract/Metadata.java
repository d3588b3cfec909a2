package io.herald.extract;

import java.util.List;
import java.util.Set;

/**
 * The reconciled metadata of a page.
 *
 * @param sources which readers contributed ({@code jsonld}, {@code og}, {@code meta}, {@code page})
 */
record Metadata(String canonicalUrl, String title, String description, List<String> authors, String publishedAt,
                String modifiedAt, String section, List<String> tags, String language, String siteName,
                String ogType, String ogImage, Set<String> sources) {
    Metadata {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        sources = Set.copyOf(sources);
    }
}
