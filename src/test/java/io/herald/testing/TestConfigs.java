package io.herald.testing;

import io.herald.config.ClusterConfig;
import io.herald.config.CrawlConfig;
import io.herald.config.DiscoveryConfig;
import io.herald.config.ExtractConfig;
import io.herald.config.FetchConfig;
import io.herald.config.JobConfig;
import io.herald.config.MonitorConfig;
import io.herald.config.OutputConfig;
import io.herald.config.PolitenessConfig;
import io.herald.config.RecrawlConfig;
import io.herald.config.ScopeConfig;
import io.herald.config.StateConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Config records for tests, built directly so a test states only what it cares about. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static PolitenessConfig politeness(Duration delay, int perHost) {
        return politeness(delay, perHost, Duration.ofSeconds(30), 2);
    }

    /** Politeness with the robots retry policy given; adaptive delay, parking and the per-IP gap off. */
    public static PolitenessConfig politeness(Duration delay, int perHost, Duration robotsRetryDelay, int robotsRetries) {
        return new PolitenessConfig("HeraldTest/1.0", "heraldbot", delay, Duration.ofSeconds(30), perHost, 0,
                Duration.ofSeconds(10), robotsRetryDelay, robotsRetries, Duration.ofHours(24), 100, Duration.ofMinutes(2), 3,
                Duration.ZERO);
    }

    public static FetchConfig fetch() {
        return new FetchConfig(8, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 3, 1, Duration.ofMillis(200));
    }

    public static CrawlConfig crawl(List<String> seeds, PolitenessConfig politeness, Path outDir) {
        return crawl(seeds, politeness, fetch(), outDir, 10, 10_000);
    }

    public static CrawlConfig crawl(List<String> seeds, PolitenessConfig politeness, FetchConfig fetch, Path outDir,
                                    int maxDepth, long maxPages) {
        return crawl(seeds, politeness, fetch, outDir, maxDepth, maxPages, noMonitor(), StateConfig.memory());
    }

    /**
     * A crawl of the seeds' hosts with the monitor and state given: what the end-to-end tests of a resume or of the
     * monitor's endpoints run.
     */
    public static CrawlConfig crawl(List<String> seeds, PolitenessConfig politeness, FetchConfig fetch, Path outDir,
                                    int maxDepth, long maxPages, MonitorConfig monitor, StateConfig state) {
        Set<String> hosts = seeds.stream().map(s -> URI.create(s).getHost().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new CrawlConfig(
                new JobConfig("test", seeds, maxDepth, maxPages, JobConfig.Mode.ONCE),
                ScopeConfig.of(hosts, List.of(), List.of()),
                DiscoveryConfig.off(),
                politeness,
                fetch,
                new ExtractConfig(1, 30, List.of()),
                new OutputConfig(outDir, 1L << 30),
                monitor,
                state,
                recrawl(Duration.ofMinutes(1), Duration.ofHours(1)),
                new ClusterConfig(false, "", "127.0.0.1", 0, List.of(), Duration.ofSeconds(30),
                        Duration.ofSeconds(30)));
    }

    /** Hub revisits between the bounds given, at most 1000 hubs (used only in {@code crawl.mode: continuous}). */
    public static RecrawlConfig recrawl(Duration min, Duration max) {
        return new RecrawlConfig(min, max, 1000, 0, Duration.ofHours(1)); // hubs only: articles read once
    }

    /** No monitor: no endpoints, no progress line. */
    public static MonitorConfig noMonitor() {
        return new MonitorConfig(false, "127.0.0.1", 0, Duration.ZERO);
    }

    /**
     * The monitor on 127.0.0.1 and a free port, no progress line, with the health thresholds and the control token
     * given (null: no control endpoints).
     */
    public static MonitorConfig monitor(Duration stallAfter, long minFreeDisk, String token) {
        return new MonitorConfig(true, "127.0.0.1", 0, Duration.ZERO, stallAfter, minFreeDisk, token);
    }

    /** RocksDB state in {@code dir}: a small working set and cache, and the checkpoint interval given. */
    public static StateConfig rocksState(Path dir, Duration checkpointInterval) {
        return new StateConfig(dir, StateConfig.Store.ROCKSDB, 1000, 8L << 20, 1L << 20, checkpointInterval);
    }
}
