package io.herald.frontier;

import io.herald.model.LatencySummary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a continuous crawl takes from first seeing a new story's link (on a hub's revisit, or in a feed read
 * again) to writing its article: the part of discovery latency the crawler controls. Keeps the sightings of the
 * most recent links and the most recent samples, so memory stays bounded however long the crawl runs.
 * Single-threaded (the frontier's).
 */
final class DiscoveryLatency {
    private static final int MAX_SIGHTINGS = 50_000;
    private static final int SAMPLES = 1024;

    private final Map<String, Long> sightedAt = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_SIGHTINGS;
        }
    };
    private final long[] samples = new long[SAMPLES];
    private long count;
    private long maxMs;

    /** A link first queued now, from a hub that had been read before. */
    void sighted(String url, long atMs) {
        sightedAt.putIfAbsent(url, atMs);
    }

    /** The page at {@code url} was written as an article now. */
    void written(String url, long atMs) {
        Long sighted = sightedAt.remove(url);
        if (sighted == null) {
            return;
        }
        long ms = Math.max(0, atMs - sighted);
        samples[(int) (count % SAMPLES)] = ms;
        count++;
        maxMs = Math.max(maxMs, ms);
    }

    /** Count and maximum over the run; p50 and p90 over the latest {@value #SAMPLES} samples. */
    LatencySummary summary() {
        int n = (int) Math.min(count, SAMPLES);
        if (n == 0) {
            return LatencySummary.NONE;
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new LatencySummary(count, seconds(percentile(sorted, 0.5)), seconds(percentile(sorted, 0.9)),
                seconds(maxMs));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static double seconds(long ms) {
        return ms / 1000.0;
    }
}
