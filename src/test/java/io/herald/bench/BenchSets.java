package io.herald.bench;

import io.herald.demo.DemoPages;
import io.herald.extract.eval.EvalMain;
import io.herald.extract.eval.Evaluation;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The page sets the extraction benchmarks run on: {@code eval} (the 43 evaluation pages, small and varied),
 * {@code news} (60 generated CMS-style article pages of 40–80 KB, {@link NewsPages}), {@code synthetic}
 * (20 pages of {@link BenchPages}, what {@code bench-crawl} serves) and {@code demo} (the demo site's
 * article pages).
 */
final class BenchSets {
    static final List<String> NAMES = List.of("eval", "news", "synthetic", "demo");

    /** One page as the extractor gets it. */
    record Input(String name, byte[] body, String contentType, String url) {
    }

    private BenchSets() {
    }

    static List<Input> load(String set) {
        return switch (set) {
            case "eval" -> eval();
            case "news" -> IntStream.range(0, 60).mapToObj(i -> html("news-" + i,
                    CmsNewsPages.article(1 + i % 5, i), CmsNewsPages.url(1 + i % 5, i))).toList();
            case "synthetic" -> IntStream.range(0, 20).mapToObj(i -> html("synthetic-" + i,
                    BenchPages.article(i % 4, i), "http://127.0.0." + (10 + i % 4) + ":8080/news/" + i)).toList();
            case "demo" -> DemoPages.articles().stream().map(p -> html(p.url(), p.html(), p.url())).toList();
            default -> throw new IllegalArgumentException("unknown page set " + set + "; one of " + NAMES);
        };
    }

    static long bytes(List<Input> pages) {
        return pages.stream().mapToLong(p -> p.body().length).sum();
    }

    private static Input html(String name, String html, String url) {
        return new Input(name, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url);
    }

    private static List<Input> eval() {
        Path dir = Path.of(System.getProperty("eval.dir", EvalMain.DEFAULT_DIR.toString()));
        List<Input> out = new ArrayList<>();
        for (String n : Evaluation.names(dir)) {
            JsonObject expected = Evaluation.expected(dir, n);
            try {
                out.add(new Input(n, Files.readAllBytes(dir.resolve(n + ".html")), expected.getString("contentType"),
                        expected.getString("url")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
