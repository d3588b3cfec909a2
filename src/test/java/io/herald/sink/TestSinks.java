package io.herald.sink;

import io.herald.config.OutputConfig;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;

/** Sinks for the sink tests: JSONL output only (no WARC record fields), each article written once. */
final class TestSinks {
    private TestSinks() {
    }

    static SinkVerticle jsonl(OutputConfig config, WrittenKeys keys, MeterRegistry registry) {
        return new SinkVerticle(config, keys, registry, Map.of(), false);
    }
}
