package io.herald.bench;

import io.herald.extract.ArticleExtractor;
import io.herald.extract.eval.EvalMain;
import io.herald.model.Article;
import io.herald.model.ExtractResult;
import io.herald.model.Via;
import io.herald.sink.ArticleJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding one article line as the sink does, on the articles of the {@code news} page set: through a Vert.x
 * {@code JsonObject} tree ({@code tree}: build, encode, UTF-8) or straight from the record with Jackson's
 * generator ({@code stream}: {@link ArticleJson#line}, which also does the line checks). Articles per second.
 * {@code scripts/bench-extraction ArticleJsonBenchmark} runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ArticleJsonBenchmark {
    private final List<Article> articles = new ArrayList<>();
    private int next;

    @Setup
    public void load() {
        ArticleExtractor extractor = EvalMain.defaultExtractor();
        for (BenchSets.Input p : BenchSets.load("news")) {
            ExtractResult r = extractor.extract(p.body(), p.contentType(), p.url());
            if (r.article() != null) {
                articles.add(new Article(p.url(), Instant.parse("2026-03-01T10:15:30.123Z"), 200, "news.example", 2,
                        "https://news.example/", Via.LINK, r.article()));
            }
        }
    }

    private Article nextArticle() {
        Article a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return a;
    }

    @Benchmark
    public byte[] tree() {
        return ArticleJson.toJson(nextArticle()).encode().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] stream() {
        return ArticleJson.line(nextArticle());
    }
}
