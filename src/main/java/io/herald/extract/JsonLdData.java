package io.herald.extract;

import java.util.List;

/**
 * What the JSON-LD blocks of a page say about its article. {@code articleType} is the schema.org type when
 * an article node was found, else null; the other fields are then read from page-level nodes only.
 */
record JsonLdData(String articleType, String pageType, String headline, String description, List<String> authors,
                  String datePublished, String dateModified, String section, List<String> keywords,
                  String publisher, String url, List<String> images, List<String> relatedLinks, String language,
                  Boolean accessibleForFree) {

    static final JsonLdData EMPTY = new JsonLdData(null, null, null, null, List.of(), null, null, null, List.of(),
            null, null, List.of(), List.of(), null, null);

    JsonLdData {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        images = List.copyOf(images);
        relatedLinks = List.copyOf(relatedLinks);
    }

    boolean isArticle() {
        return articleType != null;
    }

    boolean isEmpty() {
        return this.equals(EMPTY);
    }
}
