package io.herald.monitor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Set;

/**
 * Meters computed from the stages' own counters at scrape time, so no stage records anything twice: the sink's
 * lag, and extraction completeness without the {@code host} label the per-site counters carry (those stay in the
 * registry for {@code /status} but are left out of /metrics, see {@link #HOST_LABELLED}).
 */
final class DerivedMeters {
    /** Counters labelled by host, for /status: never scraped, their label would grow with the crawl. */
    static final Set<String> HOST_LABELLED = Set.of("herald.extract.fields", "herald.extract.rule_misses");
    static final List<String> FIELDS = List.of("title", "body", "date", "author");

    private DerivedMeters() {
    }

    static void register(MeterRegistry registry) {
        Gauge.builder("herald.sink.unsynced.articles", registry, DerivedMeters::unsynced)
                .description("Sink lag: articles written to the output file but not yet synced to disk").register(registry);
        for (String field : FIELDS) {
            for (String present : List.of("true", "false")) {
                FunctionCounter.builder("herald.extract.article.fields", registry,
                                r -> fieldCount(r, field, present))
                        .description("Articles by whether a field was extracted (all hosts)")
                        .tag("field", field).tag("present", present).register(registry);
            }
        }
        FunctionCounter.builder("herald.extract.rule.misses", registry,
                        r -> CounterSnapshot.of(r).sum("herald.extract.rule_misses", null, null))
                .description("Site-rule selectors that matched nothing (all hosts and fields)").register(registry);
    }

    static double unsynced(MeterRegistry registry) {
        long written = CounterSnapshot.of(registry).sum("herald.sink.articles", "result", "written");
        FunctionCounter synced = registry.find(CrawlStats.SYNCED_ARTICLES).functionCounter();
        return Math.max(0, written - (synced == null ? written : (long) synced.count()));
    }

    private static double fieldCount(MeterRegistry registry, String field, String present) {
        long[] n = new long[1];
        CounterSnapshot.of(registry).forEach("herald.extract.fields", (key, count) -> {
            if (field.equals(key.tags().get("field")) && present.equals(key.tags().get("present"))) {
                n[0] += count;
            }
        });
        return n[0];
    }
}
