package io.herald.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicLong;

/** The {@code herald.sink.articles} counter, one series per {@code result}, and {@code herald.sink.files.recovered}. */
final class SinkCounters {
    static final String NAME = "herald.sink.articles";
    final Counter written;
    final Counter duplicate;
    final Counter failed;
    /** Open output files found removed whose lines were written again to a new file. */
    final Counter recovered;

    SinkCounters(MeterRegistry registry) {
        written = counter(registry, "written");
        duplicate = counter(registry, "duplicate");
        failed = counter(registry, "failed");
        recovered = Counter.builder("herald.sink.files.recovered")
                .description("Output files removed while open whose lines were written again to a new file")
                .register(registry);
    }

    /**
     * {@code herald.sink.articles.synced}: articles of this run whose lines are synced to disk. The crawl's
     * totals count these as written at a checkpoint (see {@code CrawlStats.SYNCED_ARTICLES}).
     */
    void registerSynced(MeterRegistry registry, AtomicLong synced) {
        FunctionCounter.builder(NAME + ".synced", synced, AtomicLong::get)
                .description("Articles of this run whose lines are synced to disk")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(NAME).tag("result", result)
                .description("Articles that reached the sink, by what became of them")
                .register(registry);
    }
}
