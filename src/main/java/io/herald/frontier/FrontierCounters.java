package io.herald.frontier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** What happened to offered and queued URLs, as Micrometer counters {@code herald.frontier.urls{event}}. */
final class FrontierCounters {
    enum Event {
        QUEUED, DUPLICATE, OUT_OF_SCOPE, TOO_DEEP, INVALID, ROBOTS_BLOCKED, RETRIED, FAILED, REDIRECT_LIMIT,
        GAVE_UP, TRAP, HOST_BUDGET, SITEMAP_QUEUED, SITEMAP_PROBLEM,
        /** Cluster mode: admitted here and sent to the node that owns the URL's host. */
        HANDED_OVER
    }

    private final Map<Event, Counter> counters = new EnumMap<>(Event.class);

    FrontierCounters(MeterRegistry registry) {
        for (Event event : Event.values()) {
            counters.put(event, Counter.builder("herald.frontier.urls")
                    .description("URLs offered to or leaving the frontier, by what happened to them")
                    .tag("event", event.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    void count(Event event) {
        counters.get(event).increment();
    }

    void count(Event event, int times) {
        counters.get(event).increment(times);
    }

    long get(Event event) {
        return (long) counters.get(event).count();
    }
}
