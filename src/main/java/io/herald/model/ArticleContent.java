package io.herald.model;

import java.util.List;

/**
 * What the extractor reads from one article page, independent of how it was crawled.
 * Dates are ISO-8601 strings (with offset where the page gave one); absent values are null,
 * absent lists are empty.
 */
public record ArticleContent(
        String canonicalUrl,
        String title,
        String description,
        List<String> authors,
        String publishedAt,
        String modifiedAt,
        String section,
        List<String> tags,
        String language,
        String siteName,
        String text,
        int wordCount,
        List<ImageRef> images,
        List<RelatedLink> related,
        Extraction extraction) {

    public ArticleContent {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        images = List.copyOf(images);
        related = List.copyOf(related);
    }
}
