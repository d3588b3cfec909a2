package io.herald.bench;

import io.herald.extract.ArticleExtractor;
import io.herald.extract.eval.EvalMain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Extraction speed: each invocation extracts one page (decode, parse, metadata, body, images, links), the
 * next page of the set each time, so the score is pages per second per thread. {@code set} picks the pages
 * ({@link BenchSets}); the mean page size is printed at setup, and {@code scripts/bench-extraction} turns
 * the score into MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBenchmark {
    @Param({"eval", "news"})
    public String set;

    private List<BenchSets.Input> pages;
    private ArticleExtractor extractor;

    /** Each thread walks the set on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void load() {
        pages = BenchSets.load(set);
        long bytes = BenchSets.bytes(pages);
        System.out.printf(Locale.ROOT, "%nbench-set: %s %d pages, %d bytes, mean %.1f KB/page%n",
                set, pages.size(), bytes, bytes / 1024.0 / pages.size());
        extractor = EvalMain.defaultExtractor();
    }

    @Benchmark
    public Object extract(Cursor cursor) {
        BenchSets.Input p = pages.get(cursor.next);
        cursor.next = cursor.next + 1 == pages.size() ? 0 : cursor.next + 1;
        return extractor.extract(p.body(), p.contentType(), p.url());
    }

    /** The floor: jsoup's parse of the same page, decoded as UTF-8, with nothing read from it. */
    @Benchmark
    public Object parse(Cursor cursor) {
        BenchSets.Input p = pages.get(cursor.next);
        cursor.next = cursor.next + 1 == pages.size() ? 0 : cursor.next + 1;
        return Jsoup.parse(new String(p.body(), StandardCharsets.UTF_8), p.url());
    }
}
