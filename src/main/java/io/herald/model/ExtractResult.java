package io.herald.model;

import java.util.List;

/**
 * What the extractor made of one page.
 *
 * @param type    article, front/section page, or other
 * @param article the article content when {@code type == ARTICLE}, else null
 * @param links   every link worth offering to the frontier, related-story links first
 * @param flags   why a page that looked like an article was not written as one (e.g. {@code consent-wall},
 *                {@code too-short}); an article's own quality flags are in {@code article.extraction().flags()}
 */
public record ExtractResult(PageType type, ArticleContent article, List<DiscoveredLink> links, List<String> flags) {
    public ExtractResult {
        links = List.copyOf(links);
        flags = List.copyOf(flags);
    }

    public ExtractResult(PageType type, ArticleContent article, List<DiscoveredLink> links) {
        this(type, article, links, List.of());
    }
}
