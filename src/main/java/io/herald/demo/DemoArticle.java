package io.herald.demo;

import java.util.List;

/**
 * One invented article as stored in the content files.
 *
 * @param id          stable id, e.g. {@code m01}; related links refer to it, across publications too
 * @param publication who publishes it
 * @param number      position in its file, starting at 1; CMS-style numeric ids derive from it
 * @param published   ISO-8601 instant, e.g. {@code 2025-03-03T07:40:00Z}
 * @param membersOnly behind the members area (robots-disallowed on the Harbour Chronicle)
 */
record DemoArticle(String id, Publication publication, int number, String slug, String section, String title,
                   String description, List<String> authors, String published, List<String> tags,
                   String caption, String credit, List<String> related, List<String> paragraphs,
                   boolean membersOnly) {

    DemoArticle {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        related = List.copyOf(related);
        paragraphs = List.copyOf(paragraphs);
    }

    /** The publication date, {@code yyyy-MM-dd}. */
    String date() {
        return published.substring(0, 10);
    }

    String sectionSlug() {
        return Publication.slugOf(section);
    }
}
