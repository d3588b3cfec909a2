package io.herald.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.Locale;

/**
 * The crawl's counters as JSON, read from the meters the stages register:
 * {@code herald.fetch.outcomes{kind,outcome}}, {@code herald.frontier.urls{event}},
 * {@code herald.extract.pages{type}} and {@code herald.sink.articles{result}}.
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
                .put("articles", byTag("herald.sink.articles", null, null, "result"));
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
