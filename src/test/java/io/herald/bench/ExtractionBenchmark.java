package io.herald.bench;

import io.herald.extract.ArticleExtractor;
import io.herald.extract.eval.EvalMain;
import io.herald.extract.eval.Evaluation;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Extraction speed on the evaluation pages, one thread: each invocation extracts every page of the set
 * once (decode, parse, metadata, body, images, links), so the score is pages per second. MB/s is that
 * times the mean page size, which the benchmark prints at setup ({@code scripts/bench-extraction} does the
 * arithmetic).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBenchmark {
    /** Pages in the evaluation set; checked at setup so the per-page score stays honest. */
    static final int PAGES = 43;

    private record Input(byte[] body, String contentType, String url) {
    }

    private List<Input> pages;
    private ArticleExtractor extractor;

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("eval.dir", EvalMain.DEFAULT_DIR.toString()));
        pages = Evaluation.names(dir).stream().map(n -> input(dir, n)).toList();
        if (pages.size() != PAGES) {
            throw new IllegalStateException("expected " + PAGES + " pages, found " + pages.size()
                    + ": update ExtractionBenchmark.PAGES");
        }
        long bytes = pages.stream().mapToLong(p -> p.body().length).sum();
        System.out.printf(java.util.Locale.ROOT, "%nbench-set: %d pages, %d bytes, mean %.1f KB/page%n",
                pages.size(), bytes, bytes / 1024.0 / pages.size());
        extractor = EvalMain.defaultExtractor();
    }

    private static Input input(Path dir, String name) {
        JsonObject expected = Evaluation.expected(dir, name);
        try {
            return new Input(Files.readAllBytes(dir.resolve(name + ".html")), expected.getString("contentType"),
                    expected.getString("url"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void extractEveryPage(Blackhole bh) {
        for (Input p : pages) {
            bh.consume(extractor.extract(p.body(), p.contentType(), p.url()));
        }
    }
}
