package io.herald.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.Locale;

/**
 * The crawl's counters as JSON, read from the meters the stages register:
 * {@code herald.fetch.outcomes{kind,outcome}}, {@code herald.frontier.urls{event}},
 * {@code herald.extract.pages{type}} and {@code herald.sink.articles{result}}, and per-site extraction
 * completeness from {@code herald.extract.fields{host,field,present}}.
 */
public final class CrawlStats {
    private final MeterRegistry registry;
    private final Clock clock;
    private final long startedAt;

    public CrawlStats(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    public JsonObject counters() {
        long pages = pagesFetched();
        double seconds = Math.max(0.001, elapsedMillis() / 1000.0);
        return new JsonObject()
                .put("elapsedMs", elapsedMillis())
                .put("pagesFetched", pages)
                .put("articlesWritten", count("herald.sink.articles", "result", "written"))
                .put("pagesPerSecond", Math.round(pages / seconds * 10) / 10.0)
                .put("pageOutcomes", byTag("herald.fetch.outcomes", "kind", "page", "outcome"))
                .put("robotsOutcomes", byTag("herald.fetch.outcomes", "kind", "robots", "outcome"))
                .put("urls", byTag("herald.frontier.urls", null, null, "event"))
                .put("extracted", byTag("herald.extract.pages", null, null, "type"))
                .put("articles", byTag("herald.sink.articles", null, null, "result"))
                .put("completeness", completeness());
    }

    /**
     * Per host, the share of extracted articles that had each field: {@code {"host": {"title": 1.0,
     * "body": 1.0, "date": 0.5, "author": 0.0}}}. A falling share shows a site whose layout changed.
     */
    JsonObject completeness() {
        java.util.Map<String, long[]> seen = new java.util.TreeMap<>(); // host/field -> {present, total}
        for (Counter c : registry.find("herald.extract.fields").counters()) {
            long[] n = seen.computeIfAbsent(c.getId().getTag("host") + "\n" + c.getId().getTag("field"), k -> new long[2]);
            n[0] += "true".equals(c.getId().getTag("present")) ? (long) c.count() : 0;
            n[1] += (long) c.count();
        }
        JsonObject out = new JsonObject();
        seen.forEach((key, n) -> {
            String[] hf = key.split("\n", 2);
            JsonObject host = out.getJsonObject(hf[0]);
            if (host == null) {
                out.put(hf[0], host = new JsonObject());
            }
            host.put(hf[1], n[1] == 0 ? 0.0 : Math.round(n[0] * 1000.0 / n[1]) / 1000.0);
        });
        return out;
    }

    public long elapsedMillis() {
        return clock.millis() - startedAt;
    }

    /** Page requests that got any HTTP response (not robots.txt, not network errors). */
    public long pagesFetched() {
        long total = 0;
        for (Counter c : registry.find("herald.fetch.outcomes").tag("kind", "page").counters()) {
            if (!c.getId().getTag("outcome").startsWith("network_")) {
                total += (long) c.count();
            }
        }
        return total;
    }

    public long count(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream().mapToLong(c -> (long) c.count()).sum();
    }

    /** Sum of a counter's values grouped by {@code groupTag}, optionally filtered on another tag. */
    private JsonObject byTag(String name, String filterTag, String filterValue, String groupTag) {
        var search = registry.find(name);
        if (filterTag != null) {
            search = search.tag(filterTag, filterValue);
        }
        JsonObject out = new JsonObject();
        for (Counter c : search.counters()) {
            long value = (long) c.count();
            if (value > 0) {
                String key = c.getId().getTag(groupTag).toLowerCase(Locale.ROOT);
                out.put(key, out.getLong(key, 0L) + value);
            }
        }
        return out;
    }
}
