package io.herald.config;

import java.util.Objects;

/** The whole validated configuration of one crawl: one immutable record per stage. */
public record CrawlConfig(JobConfig crawl, ScopeConfig scope, DiscoveryConfig discovery, PolitenessConfig politeness,
                          FetchConfig fetch, ExtractConfig extract, OutputConfig output, MonitorConfig monitor,
                          StateConfig state) {
    public CrawlConfig {
        Objects.requireNonNull(crawl, "crawl");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(politeness, "politeness");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(extract, "extract");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(state, "state");
    }

    /** The same configuration with another {@code discovery} section. */
    public CrawlConfig withDiscovery(DiscoveryConfig newDiscovery) {
        return new CrawlConfig(crawl, scope, newDiscovery, politeness, fetch, extract, output, monitor, state);
    }

    /** The same configuration with another {@code extract} section. */
    public CrawlConfig withExtract(ExtractConfig newExtract) {
        return new CrawlConfig(crawl, scope, discovery, politeness, fetch, newExtract, output, monitor, state);
    }

    /** The same configuration with another {@code monitor} section. */
    public CrawlConfig withMonitor(MonitorConfig newMonitor) {
        return new CrawlConfig(crawl, scope, discovery, politeness, fetch, extract, output, newMonitor, state);
    }

    /** The same configuration with another {@code output} section. */
    public CrawlConfig withOutput(OutputConfig newOutput) {
        return new CrawlConfig(crawl, scope, discovery, politeness, fetch, extract, newOutput, monitor, state);
    }

    /** The same configuration with another {@code state} section. */
    public CrawlConfig withState(StateConfig newState) {
        return new CrawlConfig(crawl, scope, discovery, politeness, fetch, extract, output, monitor, newState);
    }
}
