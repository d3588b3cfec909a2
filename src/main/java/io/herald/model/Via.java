package io.herald.model;

import java.util.Locale;

/** How a URL was discovered. Written to the output as {@code via} and used for queue priority. */
public enum Via {
    /** Listed in the config's seeds. */
    SEED,
    /** An inline related-story link of an article: crawled ahead of other links of its host. */
    RELATED,
    /** Any other in-scope link found on a page. */
    LINK,
    /** The target of an HTTP redirect. */
    REDIRECT,
    /** Listed in a sitemap or a news feed (crawled ahead of plain links, like related stories). */
    SITEMAP;

    /** The lower-case name used in JSON output. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
