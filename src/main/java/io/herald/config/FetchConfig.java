package io.herald.config;

import java.time.Duration;

/**
 * The {@code fetch} section: how requests are made.
 *
 * @param concurrency    requests in flight across all hosts (also the number of pipeline slots)
 * @param connectTimeout limit on opening a connection
 * @param timeout        limit on a whole exchange, from request to the last body byte
 * @param maxBodySize    decoded body bytes read at most; a longer body is dropped and counted
 * @param maxRedirects   redirect hops followed from one URL
 * @param retries        extra tries after a transient failure (5xx, 429, network error)
 * @param retryBackoff   base wait before a retry; doubles with each attempt
 */
public record FetchConfig(int concurrency, Duration connectTimeout, Duration timeout, long maxBodySize,
                          int maxRedirects, int retries, Duration retryBackoff) {
}
