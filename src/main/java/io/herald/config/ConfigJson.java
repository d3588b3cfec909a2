package io.herald.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A {@link CrawlConfig} as JSON in the shape of the YAML, with values spelled the way a user writes them
 * (durations "250ms", sizes "5MB", patterns as text), so the output of {@code check-config} can be pasted
 * back into a config file and load to the same records.
 */
final class ConfigJson {
    private ConfigJson() {
    }

    static JsonObject toJson(CrawlConfig c) {
        return new JsonObject()
                .put("crawl", crawl(c.crawl()))
                .put("scope", scope(c.scope()))
                .put("discovery", new JsonObject()
                        .put("sitemaps", array(c.discovery().sitemaps()))
                        .put("fromRobots", c.discovery().fromRobots())
                        .put("maxAge", Durations.format(c.discovery().maxAge()))
                        .put("maxUrlsPerSitemap", c.discovery().maxUrlsPerSitemap())
                        .put("maxSitemaps", c.discovery().maxSitemaps()))
                .put("politeness", politeness(c.politeness()))
                .put("fetch", fetch(c.fetch()))
                .put("extract", extract(c.extract()))
                .put("output", new JsonObject()
                        .put("dir", c.output().dir().toString())
                        .put("rotateBytes", ByteSizes.format(c.output().rotateBytes()))
                        .put("rotateInterval", Durations.format(c.output().rotateInterval()))
                        .put("gzip", c.output().gzip())
                        .put("minFreeDisk", ByteSizes.format(c.output().minFreeDisk()))
                        .put("warc", c.output().warc())
                        .put("warcMaxBytes", ByteSizes.format(c.output().warcMaxBytes())))
                .put("monitor", new JsonObject()
                        .put("enabled", c.monitor().enabled())
                        .put("host", c.monitor().host())
                        .put("port", c.monitor().port())
                        .put("progressInterval", Durations.format(c.monitor().progressInterval()))
                        .put("stallAfter", Durations.format(c.monitor().stallAfter()))
                        .put("minFreeDisk", ByteSizes.format(c.monitor().minFreeDisk()))
                        // a secret is not printed: check-config output ends up in logs and tickets
                        .put("token", c.monitor().controlEnabled() ? "(set)" : "")
                        .put("metricsTopHosts", c.monitor().metricsTopHosts()))
                .put("state", new JsonObject()
                        .put("dir", c.state().dir().toString())
                        .put("store", c.state().store().name().toLowerCase(Locale.ROOT))
                        .put("workingSet", c.state().workingSet())
                        .put("cacheSize", ByteSizes.format(c.state().cacheSize()))
                        .put("seenFilterSize", ByteSizes.format(c.state().seenFilterSize()))
                        .put("checkpointInterval", Durations.format(c.state().checkpointInterval())))
                .put("recrawl", new JsonObject()
                        .put("minInterval", Durations.format(c.recrawl().minInterval()))
                        .put("maxInterval", Durations.format(c.recrawl().maxInterval()))
                        .put("maxHubs", c.recrawl().maxHubs())
                        .put("articleRevisits", c.recrawl().articleRevisits())
                        .put("articleInterval", Durations.format(c.recrawl().articleInterval())))
                .put("cluster", new JsonObject()
                        .put("enabled", c.cluster().enabled())
                        .put("nodeName", c.cluster().nodeName())
                        .put("host", c.cluster().host())
                        .put("port", c.cluster().port())
                        .put("members", array(c.cluster().members()))
                        .put("joinTimeout", Durations.format(c.cluster().joinTimeout()))
                        .put("takeoverAfter", Durations.format(c.cluster().takeoverAfter())));
    }

    private static JsonObject crawl(JobConfig j) {
        return new JsonObject().put("name", j.name()).put("seeds", array(j.seeds()))
                .put("maxDepth", j.maxDepth()).put("maxPages", j.maxPages())
                .put("mode", j.mode().name().toLowerCase(Locale.ROOT));
    }

    /** Hosts sorted: the record holds a set, and stable output is easier to compare. */
    private static JsonObject scope(ScopeConfig s) {
        return new JsonObject().put("hosts", array(new TreeSet<>(s.hosts())))
                .put("include", patterns(s.include())).put("exclude", patterns(s.exclude()))
                .put("stripParams", array(s.stripParams())).put("maxUrlLength", s.maxUrlLength())
                .put("maxPathDepth", s.maxPathDepth()).put("maxRepeatedSegments", s.maxRepeatedSegments())
                .put("maxPagesPerHost", s.maxPagesPerHost());
    }

    private static JsonObject politeness(PolitenessConfig p) {
        return new JsonObject()
                .put("userAgent", p.userAgent())
                .put("robotsAgent", p.robotsAgent())
                .put("delay", Durations.format(p.delay()))
                .put("maxCrawlDelay", Durations.format(p.maxCrawlDelay()))
                .put("perHostConcurrency", p.perHostConcurrency())
                .put("adaptiveFactor", p.adaptiveFactor())
                .put("maxAdaptiveDelay", Durations.format(p.maxAdaptiveDelay()))
                .put("robotsRetryDelay", Durations.format(p.robotsRetryDelay()))
                .put("robotsRetries", p.robotsRetries())
                .put("robotsTtl", Durations.format(p.robotsTtl()))
                .put("failuresBeforePark", p.failuresBeforePark())
                .put("parkFor", Durations.format(p.parkFor()))
                .put("maxParks", p.maxParks())
                .put("perIpDelay", Durations.format(p.perIpDelay()));
    }

    private static JsonObject fetch(FetchConfig f) {
        return new JsonObject()
                .put("concurrency", f.concurrency())
                .put("connectTimeout", Durations.format(f.connectTimeout()))
                .put("timeout", Durations.format(f.timeout()))
                .put("maxBodySize", ByteSizes.format(f.maxBodySize()))
                .put("maxRedirects", f.maxRedirects())
                .put("retries", f.retries())
                .put("retryBackoff", Durations.format(f.retryBackoff()));
    }

    private static JsonObject extract(ExtractConfig e) {
        JsonArray rules = new JsonArray();
        e.rules().forEach(r -> rules.add(rule(r)));
        return new JsonObject().put("workers", e.workers()).put("minWords", e.minWords()).put("rules", rules);
    }

    /** Selectors that were not given are left out rather than printed as null. */
    private static JsonObject rule(SiteRule r) {
        JsonObject json = new JsonObject().put("hosts", array(r.hosts()));
        putIfSet(json, "title", r.title());
        putIfSet(json, "body", r.body());
        putIfSet(json, "related", r.related());
        putIfSet(json, "date", r.date());
        putIfSet(json, "author", r.author());
        return json.put("exclude", array(r.exclude()));
    }

    private static void putIfSet(JsonObject json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static JsonArray patterns(List<Pattern> patterns) {
        JsonArray out = new JsonArray();
        patterns.forEach(p -> out.add(p.pattern()));
        return out;
    }

    private static JsonArray array(Collection<String> items) {
        return new JsonArray(List.copyOf(items));
    }
}
