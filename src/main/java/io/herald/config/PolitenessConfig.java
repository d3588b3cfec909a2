package io.herald.config;

import java.time.Duration;

/**
 * The {@code politeness} section: how Herald treats every host.
 *
 * @param userAgent          the User-Agent header sent with every request
 * @param robotsAgent        the bare lower-case product token matched against robots.txt User-agent groups
 * @param delay              minimum gap per host between request starts, and from the end of one response to
 *                           the next request; when positive, a host has one request in flight at a time
 * @param maxCrawlDelay      the longest robots.txt Crawl-delay Herald will keep; a host asking for more is skipped
 * @param perHostConcurrency requests in flight to one host at once, where no fixed delay (configured delay,
 *                           Crawl-delay, Retry-After, backoff, park) applies; otherwise one
 * @param adaptiveFactor     when positive, the gap between request starts is at least this times the host's
 *                           recent server time (request written to response head)
 * @param maxAdaptiveDelay   the cap on the adaptive part of the gap
 * @param robotsRetryDelay   wait before asking again for a robots.txt that failed with 5xx or a network error
 * @param robotsRetries      how many such retries before the host's URLs are given up
 * @param robotsTtl          how long robots rules are trusted before the host's robots.txt is fetched again
 * @param failuresBeforePark consecutive failures (429, 5xx, network) after which a host is parked
 * @param parkFor            how long a parked host waits before one probe request
 * @param maxParks           parks after which a host that stays dead is given up, its URLs counted
 * @param perIpDelay         minimum gap between requests to hosts that share an IP address; zero is off
 */
public record PolitenessConfig(String userAgent, String robotsAgent, Duration delay, Duration maxCrawlDelay,
                               int perHostConcurrency, double adaptiveFactor, Duration maxAdaptiveDelay,
                               Duration robotsRetryDelay,
                               int robotsRetries, Duration robotsTtl, int failuresBeforePark, Duration parkFor,
                               int maxParks, Duration perIpDelay) {
}
