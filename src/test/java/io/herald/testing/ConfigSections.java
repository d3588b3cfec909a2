package io.herald.testing;

import io.herald.config.CrawlConfig;
import io.herald.config.DiscoveryConfig;
import io.herald.config.ExtractConfig;
import io.herald.config.JobConfig;
import io.herald.config.MonitorConfig;
import io.herald.config.OutputConfig;
import io.herald.config.RecrawlConfig;
import io.herald.config.StateConfig;

/** A configuration with one section replaced: tests vary one stage of a {@link TestConfigs} crawl this way. */
public final class ConfigSections {
    private ConfigSections() {
    }

    public static CrawlConfig withDiscovery(CrawlConfig c, DiscoveryConfig discovery) {
        return new CrawlConfig(c.crawl(), c.scope(), discovery, c.politeness(), c.fetch(), c.extract(), c.output(),
                c.monitor(), c.state(), c.recrawl(), c.cluster());
    }

    public static CrawlConfig withExtract(CrawlConfig c, ExtractConfig extract) {
        return new CrawlConfig(c.crawl(), c.scope(), c.discovery(), c.politeness(), c.fetch(), extract, c.output(),
                c.monitor(), c.state(), c.recrawl(), c.cluster());
    }

    public static CrawlConfig withMonitor(CrawlConfig c, MonitorConfig monitor) {
        return new CrawlConfig(c.crawl(), c.scope(), c.discovery(), c.politeness(), c.fetch(), c.extract(), c.output(),
                monitor, c.state(), c.recrawl(), c.cluster());
    }

    public static CrawlConfig withOutput(CrawlConfig c, OutputConfig output) {
        return new CrawlConfig(c.crawl(), c.scope(), c.discovery(), c.politeness(), c.fetch(), c.extract(), output,
                c.monitor(), c.state(), c.recrawl(), c.cluster());
    }

    public static CrawlConfig withRecrawl(CrawlConfig c, RecrawlConfig recrawl) {
        return new CrawlConfig(c.crawl(), c.scope(), c.discovery(), c.politeness(), c.fetch(), c.extract(), c.output(),
                c.monitor(), c.state(), recrawl, c.cluster());
    }

    /** The crawl section with another mode: {@code continuous} revisits hubs until stopped. */
    public static CrawlConfig withMode(CrawlConfig c, JobConfig.Mode mode) {
        JobConfig j = c.crawl();
        return new CrawlConfig(new JobConfig(j.name(), j.seeds(), j.maxDepth(), j.maxPages(), mode), c.scope(),
                c.discovery(), c.politeness(), c.fetch(), c.extract(), c.output(), c.monitor(), c.state(), c.recrawl(),
                c.cluster());
    }

    public static CrawlConfig withState(CrawlConfig c, StateConfig state) {
        return new CrawlConfig(c.crawl(), c.scope(), c.discovery(), c.politeness(), c.fetch(), c.extract(), c.output(),
                c.monitor(), state, c.recrawl(), c.cluster());
    }
}
