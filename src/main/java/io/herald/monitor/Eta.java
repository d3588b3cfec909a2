package io.herald.monitor;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * When the crawl will have started {@code crawl.maxPages} page requests at this run's rate: the pages left of the
 * budget divided by pages per second. It is an upper bound on the crawl's end (a crawl that runs out of URLs ends
 * sooner), and unknown until the run has fetched something.
 */
final class Eta {
    private Eta() {
    }

    /**
     * @param maxPages       the crawl's page budget
     * @param pagesStarted   page requests started by the whole crawl (a resumed crawl's budget is partly spent)
     * @param pagesPerSecond this run's rate
     * @return seconds left, rounded up; empty while the rate is zero (or not a number)
     */
    static OptionalLong seconds(long maxPages, long pagesStarted, double pagesPerSecond) {
        long left = Math.max(0, maxPages - pagesStarted);
        if (left == 0) {
            return OptionalLong.of(0);
        }
        if (!(pagesPerSecond > 0) || Double.isInfinite(pagesPerSecond)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(left / pagesPerSecond));
    }

    /** {@code ETA 1:02:03} or {@code ETA 02:03}; {@code ETA --:--} when unknown. */
    static String format(OptionalLong seconds) {
        if (seconds.isEmpty()) {
            return "ETA --:--";
        }
        long s = seconds.getAsLong();
        return s >= 3600
                ? String.format(Locale.ROOT, "ETA %d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "ETA %02d:%02d", s / 60, s % 60);
    }
}
