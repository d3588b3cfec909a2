package io.herald.discovery;

import java.time.Instant;
import java.util.Objects;

/**
 * One page listed by a sitemap or feed.
 *
 * @param url       absolute http(s) URL as listed (not normalised: the frontier does that)
 * @param published the news publication date if the entry has one, else its lastmod / pubDate / updated,
 *                  else {@code null}
 */
public record SitemapEntry(String url, Instant published) {
    public SitemapEntry {
        Objects.requireNonNull(url, "url");
    }
}
