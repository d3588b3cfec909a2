package io.herald.config;

import java.util.Objects;

/** The whole validated configuration of one crawl: one immutable record per stage. */
public record CrawlConfig(JobConfig crawl, ScopeConfig scope, DiscoveryConfig discovery, PolitenessConfig politeness,
                          FetchConfig fetch, ExtractConfig extract, OutputConfig output, MonitorConfig monitor,
                          StateConfig state, RecrawlConfig recrawl, ClusterConfig cluster) {
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
        Objects.requireNonNull(recrawl, "recrawl");
        Objects.requireNonNull(cluster, "cluster");
    }
}
