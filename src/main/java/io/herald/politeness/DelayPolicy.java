package io.herald.politeness;

import io.herald.config.PolitenessConfig;
import io.herald.politeness.Delay.Reason;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The gap a host is owed: the largest of the configured delay, the robots Crawl-delay, the adaptive delay
 * (capped at {@code maxAdaptiveDelay}), a Retry-After and the backoff, with the name of the part that won.
 * The largest part that is not adaptive comes with it: it decides whether the server may have more than one
 * request in flight ({@link PolitenessGate} has the rule).
 */
final class DelayPolicy {
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** Backoff is stretched by up to this fraction at random, so hosts that failed together do not retry together. */
    private static final double JITTER = 0.25;

    /** The largest part so far; a later part wins only if it is strictly larger. */
    private record Largest(Duration value, Reason reason) {
        Largest or(Duration candidate, Reason candidateReason) {
            return candidate.compareTo(value) > 0 ? new Largest(candidate, candidateReason) : this;
        }
    }

    private final PolitenessConfig config;
    private final Duration backoffBase;
    private final DoubleSupplier random;

    DelayPolicy(PolitenessConfig config, Duration backoffBase, DoubleSupplier random) {
        this.config = config;
        this.backoffBase = backoffBase;
        this.random = random;
    }

    /**
     * The delay owed to a host with this clock (backoff level, server time) and Crawl-delay.
     *
     * @param retryAfter the Retry-After the last response sent, or null
     */
    Delay choose(HostClock clock, Duration crawlDelay, Duration retryAfter) {
        Largest fixed = new Largest(config.delay(), Reason.CONFIGURED).or(crawlDelay, Reason.CRAWL_DELAY);
        if (retryAfter != null) {
            fixed = fixed.or(min(retryAfter, MAX_RETRY_AFTER), Reason.RETRY_AFTER);
        }
        if (clock.backoffLevel() > 0) {
            fixed = fixed.or(backoff(clock.backoffLevel()), Reason.BACKOFF);
        }
        Largest all = fixed.or(adaptive(clock.smoothedServerMillis()), Reason.ADAPTIVE);
        return new Delay(all.value(), all.reason(), fixed.value());
    }

    /** {@code adaptiveFactor} × the smoothed server time, at most {@code maxAdaptiveDelay}; zero when off or unmeasured. */
    Duration adaptive(double smoothedServerMillis) {
        if (config.adaptiveFactor() <= 0 || smoothedServerMillis <= 0) {
            return Duration.ZERO;
        }
        long millis = Math.round(config.adaptiveFactor() * smoothedServerMillis);
        return min(Duration.ofMillis(millis), config.maxAdaptiveDelay());
    }

    /**
     * Why a host asking for this Crawl-delay is skipped, or null if it may be crawled: crawling slower than
     * asked is fine, faster is not, so a host asking for more than {@code maxCrawlDelay} is skipped rather
     * than have its wish ignored.
     */
    String crawlDelayRefusal(Duration asked) {
        if (asked.compareTo(config.maxCrawlDelay()) <= 0) {
            return null;
        }
        return "Crawl-delay " + asked.toSeconds() + "s is above politeness.maxCrawlDelay "
                + config.maxCrawlDelay().toSeconds() + "s";
    }

    private Duration backoff(int level) {
        Duration base = min(backoffBase.multipliedBy(1L << Math.min(level - 1, 20)), MAX_BACKOFF);
        return Duration.ofMillis(Math.round(base.toMillis() * (1 + JITTER * random.getAsDouble())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
