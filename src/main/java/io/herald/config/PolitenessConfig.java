package io.herald.config;

import java.time.Duration;

/**
 * The {@code politeness} section: how Herald treats every host.
 *
 * @param userAgent          the User-Agent header sent with every request
 * @param robotsAgent        the bare lower-case product token matched against robots.txt User-agent groups
 * @param delay              minimum gap between the end of one response and the next request, per host
 * @param maxCrawlDelay      the longest robots.txt Crawl-delay Herald will keep; a host asking for more is skipped
 * @param perHostConcurrency requests in flight to one host at once
 * @param adaptiveFactor     when positive, the gap is at least this times the host's recent response time
 * @param robotsRetryDelay   wait before asking again for a robots.txt that failed with 5xx or a network error
 * @param robotsRetries      how many such retries before the host's URLs are given up
 * @param robotsTtl          how long robots rules are trusted before the host's robots.txt is fetched again
 * @param failuresBeforePark consecutive failures (429, 5xx, network) after which a host is parked
 * @param parkFor            how long a parked host waits before one probe request
 * @param maxParks           parks after which a host that stays dead is given up, its URLs counted
 * @param perIpDelay         minimum gap between requests to hosts that share an IP address; zero is off
 */
public record PolitenessConfig(String userAgent, String robotsAgent, Duration delay, Duration maxCrawlDelay,
                               int perHostConcurrency, double adaptiveFactor, Duration robotsRetryDelay,
                               int robotsRetries, Duration robotsTtl, int failuresBeforePark, Duration parkFor,
                               int maxParks, Duration perIpDelay) {
}
