package io.herald.config;

import java.time.Duration;

/**
 * The {@code politeness} section: how Herald treats every host.
 *
 * @param userAgent          the User-Agent header sent with every request
 * @param robotsAgent        the bare lower-case product token matched against robots.txt User-agent groups
 * @param delay              minimum gap between the end of one response and the next request, per host
 * @param maxCrawlDelay      cap on a robots.txt Crawl-delay
 * @param perHostConcurrency requests in flight to one host at once
 * @param adaptiveFactor     when positive, the gap is at least this times the host's recent response time
 * @param robotsRetryDelay   wait before asking again for a robots.txt that failed with 5xx or a network error
 * @param robotsRetries      how many such retries before the host's URLs are given up
 */
public record PolitenessConfig(String userAgent, String robotsAgent, Duration delay, Duration maxCrawlDelay,
                               int perHostConcurrency, double adaptiveFactor, Duration robotsRetryDelay,
                               int robotsRetries) {
}
