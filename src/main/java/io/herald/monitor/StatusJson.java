package io.herald.monitor;

import io.herald.model.FrontierStatus;
import io.herald.model.HostPoliteness;
import io.herald.model.HostView;
import io.herald.model.LatencySummary;
import io.herald.model.RevisitStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the crawl's counters and the frontier's status records as the JSON of {@code GET /status} and {@code summary.json}: the one place
 * their field names are spelled. The names and nesting are a published contract
 * ({@code docs/schema/herald.status-1.schema.json}, {@code docs/monitoring.md}); keys are written in the order
 * listed there, and a null value is written as null rather than left out.
 */
public final class StatusJson {
    private StatusJson() {
    }

    /** The body of {@code GET /status}: this run's and the crawl's counters, then the frontier's state. */
    public static JsonObject status(CrawlStats stats, FrontierStatus frontier) {
        return report(stats.snapshot()).put("frontier", frontier(frontier))
                .put("recentErrors", stats.recentErrors().toJson());
    }

    /** The body of {@code GET /status} when the frontier did not answer: the counters and why. */
    public static JsonObject unavailable(CrawlStats stats, Throwable cause) {
        return report(stats.snapshot()).put("error", cause.getMessage());
    }

    /** This run's counters, {@code startedAt}, and the crawl's under {@code total}: the top of /status and summary.json. */
    public static JsonObject report(CrawlReport r) {
        return counters(r.run()).put("startedAt", r.startedAt().toString()).put("total", total(r));
    }

    /** The {@code total} object: the crawl's counters, its runs and when the first started (null if unknown). */
    public static JsonObject total(CrawlReport r) {
        return counters(r.total())
                .put("runs", r.runs())
                .put("firstStartedAt", r.firstStartedAt() == null ? null : r.firstStartedAt().toString());
    }

    /** The counter fields, shared by the top level (this run) and {@code total}. */
    public static JsonObject counters(CrawlCounters c) {
        JsonObject completeness = new JsonObject();
        c.completeness().forEach((host, fields) -> completeness.put(host, new JsonObject(new LinkedHashMap<>(fields))));
        return new JsonObject()
                .put("elapsedMs", c.elapsedMs())
                .put("pagesFetched", c.pagesFetched())
                .put("articlesWritten", c.articlesWritten())
                .put("pagesPerSecond", c.pagesPerSecond())
                .put("pageOutcomes", counts(c.pageOutcomes()))
                .put("robotsOutcomes", counts(c.robotsOutcomes()))
                .put("urls", counts(c.urls()))
                .put("extracted", counts(c.extracted()))
                .put("articles", counts(c.articles()))
                .put("completeness", completeness);
    }

    private static JsonObject counts(Map<String, Long> counts) {
        return new JsonObject(new LinkedHashMap<>(counts));
    }

    /** The {@code frontier} object. */
    public static JsonObject frontier(FrontierStatus s) {
        return new JsonObject()
                .put("queued", s.queued())
                .put("seen", s.seen())
                .put("pagesStarted", s.pagesStarted())
                .put("pagesInFlight", s.pagesInFlight())
                .put("robotsInFlight", s.robotsInFlight())
                .put("sitemapsQueued", s.sitemapsQueued())
                .put("sitemapsInFlight", s.sitemapsInFlight())
                .put("robotsBlocked", s.robotsBlocked())
                .put("hostCount", s.hostCount())
                .put("dueHosts", s.dueHosts())
                .put("paused", s.paused())
                .put("hosts", hosts(s.hosts()))
                .put("revisits", revisits(s.revisits()))
                .put("discoveryLatency", latency(s.revisits().discoveryLatency()));
    }

    /** The {@code revisits} object: a continuous crawl's hubs and the soonest of their next visits. */
    public static JsonObject revisits(RevisitStatus r) {
        JsonArray next = new JsonArray();
        r.next().forEach(visit -> next.add(new JsonObject()
                .put("url", visit.url())
                .put("at", visit.at().toString())
                .put("intervalSeconds", visit.intervalSeconds())));
        return new JsonObject().put("scheduled", r.scheduled()).put("next", next);
    }

    /** The {@code discoveryLatency} object; the times are null until an article was measured. */
    public static JsonObject latency(LatencySummary l) {
        boolean none = l.count() == 0;
        return new JsonObject()
                .put("count", l.count())
                .put("p50Seconds", none ? null : l.p50Seconds())
                .put("p90Seconds", none ? null : l.p90Seconds())
                .put("maxSeconds", none ? null : l.maxSeconds());
    }

    /** The {@code hosts} object: one entry per host key, in the given order. */
    public static JsonObject hosts(Map<String, HostView> hosts) {
        JsonObject json = new JsonObject();
        hosts.forEach((key, host) -> json.put(key, host(host)));
        return json;
    }

    /** One host: its politeness state, then its queue. */
    public static JsonObject host(HostView host) {
        HostPoliteness p = host.politeness();
        HostPoliteness.RobotsView r = p.robots();
        JsonObject robots = new JsonObject()
                .put("state", r.state())
                .put("url", r.url())
                .put("ageMs", r.ageMs())
                .put("truncated", r.truncated())
                .put("crawlDelayMs", r.crawlDelayMs());
        return new JsonObject()
                .put("requests", p.requests())
                .put("robotsBlocked", p.robotsBlocked())
                .put("robots", robots)
                .put("delayMs", p.delayMs())
                .put("delayReason", p.delayReason())
                .put("dueInMs", p.dueInMs())
                .put("inFlight", p.inFlight())
                .put("maxInFlight", p.maxInFlight())
                .put("consecutiveFailures", p.consecutiveFailures())
                .put("parks", p.parks())
                .put("lastOutcome", p.lastOutcome())
                .put("serverMs", p.serverMs())
                .put("ip", p.ip())
                .put("skipped", p.skipped())
                .put("queued", host.queued());
    }
}
