package io.herald.model;

import java.time.Instant;

/**
 * A fetched HTML page on its way to the extractor.
 *
 * @param source      the frontier entry it was fetched for
 * @param status      HTTP status of the final response
 * @param contentType the Content-Type header, possibly with a charset, or null
 * @param body        the raw bytes (decoded by the extractor, which sniffs the charset)
 * @param fetchedAt   when the response ended
 */
public record Page(CrawlUrl source, int status, String contentType, byte[] body, Instant fetchedAt) {
}
