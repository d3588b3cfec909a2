package io.herald.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The merged tree to records, one method per section; every bad value goes to {@link Problems}. */
final class RecordBinder {
    private static final long ONE_KB = 1024;
    /** The filter is one long[] (int-indexed); a few GB is already far past any crawl one machine does. */
    private static final long MAX_SEEN_FILTER = 4L << 30;
    /** The written articles' filter gets a quarter, and a filter is at least one 8-byte word. */
    private static final long MIN_SEEN_FILTER = 32;

    private final Fields f;

    RecordBinder(Fields fields) {
        this.f = fields;
    }

    CrawlConfig bind() {
        ScopeBinder scopeBinder = new ScopeBinder(f);
        JobConfig crawl = crawl(scopeBinder.seeds());
        return new CrawlConfig(crawl, scopeBinder.scope(crawl.seeds()), discovery(scopeBinder), politeness(), fetch(),
                extract(), output(), monitor(), state(), recrawl(), cluster());
    }

    private JobConfig crawl(List<String> seeds) {
        return new JobConfig(f.text("crawl.name"), seeds, f.integer("crawl.maxDepth", 0, Integer.MAX_VALUE),
                f.whole("crawl.maxPages", 1), mode());
    }

    private JobConfig.Mode mode() {
        String mode = f.text("crawl.mode");
        try {
            return JobConfig.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f.problem("crawl.mode", "expected once or continuous, got " + ConfigValues.quote(mode));
            return JobConfig.Mode.ONCE;
        }
    }

    private RecrawlConfig recrawl() {
        Duration min = f.duration("recrawl.minInterval", false);
        Duration max = f.duration("recrawl.maxInterval", false);
        if (!max.isZero() && max.compareTo(min) < 0) { // zero: already reported as invalid
            f.problem("recrawl.maxInterval", "must be at least recrawl.minInterval (" + Durations.format(min)
                    + "), got " + Durations.format(max));
        }
        return new RecrawlConfig(min, max, f.integer("recrawl.maxHubs", 1, Integer.MAX_VALUE),
                f.integer("recrawl.articleRevisits", 0, 1000), f.duration("recrawl.articleInterval", false));
    }

    private DiscoveryConfig discovery(ScopeBinder scopeBinder) {
        return new DiscoveryConfig(scopeBinder.urls("discovery.sitemaps", "sitemap"), f.bool("discovery.fromRobots"),
                f.duration("discovery.maxAge", true), f.integer("discovery.maxUrlsPerSitemap", 1, Integer.MAX_VALUE),
                f.integer("discovery.maxSitemaps", 0, Integer.MAX_VALUE));
    }

    private PolitenessConfig politeness() {
        String robotsAgent = f.text("politeness.robotsAgent");
        String problem = Checks.robotsAgentProblem(robotsAgent);
        if (problem != null && !robotsAgent.isEmpty()) {
            f.problem("politeness.robotsAgent", problem + ", got " + ConfigValues.quote(robotsAgent));
        }
        return new PolitenessConfig(f.text("politeness.userAgent"), robotsAgent,
                f.duration("politeness.delay", true), f.duration("politeness.maxCrawlDelay", true),
                f.integer("politeness.perHostConcurrency", 1, Integer.MAX_VALUE),
                f.decimal("politeness.adaptiveFactor", 0), f.duration("politeness.maxAdaptiveDelay", false),
                f.duration("politeness.robotsRetryDelay", true),
                f.integer("politeness.robotsRetries", 0, Integer.MAX_VALUE), f.duration("politeness.robotsTtl", false),
                f.integer("politeness.failuresBeforePark", 1, Integer.MAX_VALUE), f.duration("politeness.parkFor", true),
                f.integer("politeness.maxParks", 0, Integer.MAX_VALUE), f.duration("politeness.perIpDelay", true));
    }

    private FetchConfig fetch() {
        return new FetchConfig(f.integer("fetch.concurrency", 1, Integer.MAX_VALUE),
                f.duration("fetch.connectTimeout", false), f.duration("fetch.timeout", false),
                f.size("fetch.maxBodySize", ONE_KB), f.integer("fetch.maxRedirects", 0, Integer.MAX_VALUE),
                f.integer("fetch.retries", 0, Integer.MAX_VALUE), f.duration("fetch.retryBackoff", true));
    }

    private ExtractConfig extract() {
        int workers = f.integer("extract.workers", 0, Integer.MAX_VALUE);
        // Extraction is the crawl's CPU work: one worker per core keeps every core busy without oversubscribing.
        return new ExtractConfig(workers == 0 ? Runtime.getRuntime().availableProcessors() : workers,
                f.integer("extract.minWords", 0, Integer.MAX_VALUE), new RuleBinder(f).rules());
    }

    private OutputConfig output() {
        return new OutputConfig(path("output.dir"), f.size("output.rotateBytes", ONE_KB),
                f.duration("output.rotateInterval", true), f.bool("output.gzip"), f.size("output.minFreeDisk", 0),
                f.bool("output.warc"), f.size("output.warcMaxBytes", ONE_KB));
    }

    private StateConfig state() {
        String store = f.text("state.store");
        StateConfig.Store kind = StateConfig.Store.ROCKSDB;
        try {
            kind = StateConfig.Store.valueOf(store.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f.problem("state.store", "expected rocksdb or memory, got " + ConfigValues.quote(store));
        }
        long seenFilter = f.size("state.seenFilterSize", 0);
        if (seenFilter > MAX_SEEN_FILTER || seenFilter > 0 && seenFilter < MIN_SEEN_FILTER) {
            f.problem("state.seenFilterSize", "must be 0 (no filter) or between " + ByteSizes.format(MIN_SEEN_FILTER)
                    + " and " + ByteSizes.format(MAX_SEEN_FILTER) + ", got " + ByteSizes.format(seenFilter));
        }
        return new StateConfig(path("state.dir"), kind, f.integer("state.workingSet", 1, Integer.MAX_VALUE),
                f.size("state.cacheSize", 1L << 20), seenFilter, f.duration("state.checkpointInterval", false));
    }

    private Path path(String key) {
        String dir = f.text(key);
        try {
            return Path.of(dir);
        } catch (InvalidPathException e) {
            f.problem(key, "not a usable path (" + e.getReason() + "), got " + ConfigValues.quote(dir));
            return Path.of(".");
        }
    }

    private MonitorConfig monitor() {
        return new MonitorConfig(f.bool("monitor.enabled"), f.text("monitor.host"),
                f.integer("monitor.port", 0, 65_535), f.duration("monitor.progressInterval", true),
                f.duration("monitor.stallAfter", false), f.size("monitor.minFreeDisk", 0), token(),
                f.integer("monitor.metricsTopHosts", 0, 1000));
    }

    /** The empty default means no control endpoints; a token shorter than 16 characters is too easy to guess. */
    private String token() {
        Object raw = f.raw("monitor.token");
        if (raw == null || "".equals(raw)) {
            return null;
        }
        String token = f.text("monitor.token");
        if (!token.isEmpty() && token.length() < 16) {
            f.problem("monitor.token", "must be at least 16 characters (or empty to turn /control off), got "
                    + token.length());
        }
        return token;
    }

    private ClusterConfig cluster() {
        boolean enabled = f.bool("cluster.enabled");
        Object raw = f.raw("cluster.nodeName");
        String name = raw == null || "".equals(raw) ? "" : f.text("cluster.nodeName"); // a node alone needs no name
        if (enabled && !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            f.problem("cluster.nodeName", "a cluster node needs a name of letters, digits, '.', '_' or '-' (it names"
                    + " the node's output and state folders), got " + ConfigValues.quote(name));
        }
        List<String> members = f.texts("cluster.members");
        for (String member : members) {
            if (!member.matches("[^\\s:]+:\\d{1,5}")) {
                f.problem("cluster.members", "expected host:port, got " + ConfigValues.quote(member));
            }
        }
        if (enabled && members.isEmpty()) {
            f.problem("cluster.members", "a cluster needs its members listed as host:port (this node's among them)");
        }
        return new ClusterConfig(enabled, name, f.text("cluster.host"), f.integer("cluster.port", 0, 65_535), members,
                f.duration("cluster.joinTimeout", false), f.duration("cluster.takeoverAfter", true));
    }
}
