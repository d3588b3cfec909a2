package io.herald.model;

import java.util.List;

/**
 * What the extractor made of one page.
 *
 * @param type    article, front/section page, or other
 * @param article the article content when {@code type == ARTICLE}, else null
 * @param links   every link worth offering to the frontier, related-story links first
 */
public record ExtractResult(PageType type, ArticleContent article, List<DiscoveredLink> links) {
    public ExtractResult {
        links = List.copyOf(links);
    }
}
