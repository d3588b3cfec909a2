package io.herald.model;

import java.net.URI;
import java.time.Instant;

/**
 * An article as written to the output: where and how it was crawled, plus its content.
 *
 * @param url       the URL that was fetched
 * @param fetchedAt when the response ended
 * @param status    HTTP status
 * @param host      host name (no scheme or port)
 * @param depth     link hops from a seed
 * @param referrer  the page that linked to it, or null for seeds
 * @param via       how it was found
 * @param content   what the extractor read
 * @param warc      where the page's response record is in the WARC output, or null (WARC output off)
 * @param version   1 for the first line of an article; 2, 3, ... for each update a revisit found (a changed text)
 */
public record Article(String url, Instant fetchedAt, int status, String host, int depth, String referrer,
                      Via via, ArticleContent content, WarcRef warc, int version) {

    /** The first version of an article. */
    public Article(String url, Instant fetchedAt, int status, String host, int depth, String referrer, Via via,
                   ArticleContent content, WarcRef warc) {
        this(url, fetchedAt, status, host, depth, referrer, via, content, warc, 1);
    }

    /** An article with no WARC record. */
    public Article(String url, Instant fetchedAt, int status, String host, int depth, String referrer, Via via,
                   ArticleContent content) {
        this(url, fetchedAt, status, host, depth, referrer, via, content, null);
    }

    /** This article, naming the WARC record its page was read from ({@code ref} may be null). */
    public Article withWarc(WarcRef ref) {
        return new Article(url, fetchedAt, status, host, depth, referrer, via, content, ref, version);
    }

    /** This article as its version {@code n} (an update when above 1). */
    public Article withVersion(int n) {
        return new Article(url, fetchedAt, status, host, depth, referrer, via, content, warc, n);
    }

    /** A later version of an article written before: its line says so. */
    public boolean update() {
        return version > 1;
    }

    /** The article read from a fetched page: where and how the page was crawled, plus what the extractor read. */
    public static Article of(Page page, ArticleContent content) {
        CrawlUrl source = page.source();
        return new Article(source.url(), page.fetchedAt(), page.status(), URI.create(source.url()).getHost(),
                source.depth(), source.referrer(), source.via(), content);
    }
}
