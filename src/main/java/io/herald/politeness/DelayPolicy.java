package io.herald.politeness;

import io.herald.config.PolitenessConfig;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The gap a host is owed: the largest of the configured delay, the robots Crawl-delay, the adaptive delay
 * (capped at {@code maxAdaptiveDelay}), a Retry-After and the backoff, remembered with the name of the part
 * that won. The largest part that is not adaptive is remembered too: it decides whether the host may have
 * more than one request in flight ({@link PolitenessGate} has the rule).
 */
final class DelayPolicy {
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** Backoff is stretched by up to this fraction at random, so hosts that failed together do not retry together. */
    private static final double JITTER = 0.25;

    private final PolitenessConfig config;
    private final Duration backoffBase;
    private final DoubleSupplier random;

    DelayPolicy(PolitenessConfig config, Duration backoffBase, DoubleSupplier random) {
        this.config = config;
        this.backoffBase = backoffBase;
        this.random = random;
    }

    /**
     * Sets {@code slot.effectiveDelay}, {@code slot.fixedDelay} (the largest part that is not adaptive) and
     * {@code slot.delayReason}.
     */
    void choose(HostSlot slot, Duration retryAfter) {
        slot.effectiveDelay = config.delay();
        slot.delayReason = "configured";
        consider(slot, slot.crawlDelay, "crawl-delay");
        if (retryAfter != null) {
            consider(slot, min(retryAfter, MAX_RETRY_AFTER), "retry-after");
        }
        if (slot.backoffLevel > 0) {
            consider(slot, backoff(slot.backoffLevel), "backoff");
        }
        slot.fixedDelay = slot.effectiveDelay;
        consider(slot, adaptive(slot), "adaptive");
    }

    /** {@code adaptiveFactor} × the smoothed server time, at most {@code maxAdaptiveDelay}; zero when off or unmeasured. */
    Duration adaptive(HostSlot slot) {
        if (config.adaptiveFactor() <= 0 || slot.smoothedServerMillis <= 0) {
            return Duration.ZERO;
        }
        long millis = Math.round(config.adaptiveFactor() * slot.smoothedServerMillis);
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

    private static void consider(HostSlot slot, Duration candidate, String reason) {
        if (candidate.compareTo(slot.effectiveDelay) > 0) {
            slot.effectiveDelay = candidate;
            slot.delayReason = reason;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
