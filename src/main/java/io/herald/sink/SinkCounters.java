package io.herald.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The {@code herald.sink.articles} counter, one series per {@code result}. */
final class SinkCounters {
    static final String NAME = "herald.sink.articles";
    final Counter written;
    final Counter duplicate;
    final Counter failed;

    SinkCounters(MeterRegistry registry) {
        written = counter(registry, "written");
        duplicate = counter(registry, "duplicate");
        failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(NAME).tag("result", result)
                .description("Articles that reached the sink, by what became of them")
                .register(registry);
    }
}
