package io.herald.bench;

import io.herald.app.CrawlSummary;
import io.herald.config.CrawlConfig;
import io.herald.config.ExtractConfig;
import io.herald.config.FetchConfig;
import io.herald.config.PolitenessConfig;
import io.herald.config.StateConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static io.herald.testing.ConfigSections.withExtract;
import static io.herald.testing.ConfigSections.withOutput;
import static io.herald.testing.ConfigSections.withState;

/**
 * Whole-crawl throughput against local sites on 127.0.0.10 and up (a benchmark, not a test):
 * {@code scripts/bench-crawl HOSTS PAGES_PER_HOST DELAY_MS PER_HOST_CONCURRENCY FETCH_CONCURRENCY}.
 * Every article page is about 60 KB of realistic markup, so extraction costs what it costs on real sites.
 */
public final class CrawlBench {
    private CrawlBench() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = arg(args, 0, 20);
        int pages = arg(args, 1, 50);
        int delayMs = arg(args, 2, 200);
        int perHost = arg(args, 3, 1);
        int concurrency = arg(args, 4, 64);
        Vertx vertx = Vertx.vertx();
        List<String> seeds = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            TestSite site = new TestSite(vertx, "127.0.0." + (10 + h)).start().await(10, TimeUnit.SECONDS);
            StringBuilder front = new StringBuilder("<html><body>");
            for (int p = 0; p < pages; p++) {
                front.append("<a href=\"/news/").append(p).append("\">Story ").append(p).append("</a>\n");
                site.html("/news/" + p, BenchPages.article(h, p));
            }
            site.html("/", front.append("</body></html>").toString());
            site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
            seeds.add(site.url("/"));
        }
        Path out = Files.createTempDirectory("herald-bench");
        PolitenessConfig politeness = TestConfigs.politeness(Duration.ofMillis(delayMs), perHost);
        FetchConfig fetch = new FetchConfig(concurrency, Duration.ofSeconds(5), Duration.ofSeconds(20), 5 << 20, 3, 1,
                Duration.ofMillis(200));
        CrawlConfig config = TestConfigs.crawl(seeds, politeness, fetch, out, 3, Long.MAX_VALUE);
        CrawlConfig withWorkers = withExtract(config, new ExtractConfig(
                Runtime.getRuntime().availableProcessors(), 60, List.of()));
        boolean durable = args.length > 5 && args[5].equals("rocksdb");
        if (durable) { // the default of a real crawl: what durability costs against the in-memory state
            withWorkers = withState(withWorkers, new StateConfig(out.resolve("state"),
                    StateConfig.Store.ROCKSDB, 10_000, 64L << 20, 16L << 20, Duration.ofSeconds(1)));
        }
        boolean warc = args.length > 6 && args[6].equals("warc");
        if (warc) { // what the WARC output costs: every exchange recorded, gzipped, on the sink's worker
            withWorkers = withOutput(withWorkers, withWorkers.output().withWarc(io.herald.config.OutputConfig
                    .DEFAULT_WARC_MAX_BYTES));
        }
        long start = System.nanoTime();
        CrawlSummary summary = TestRunners.standalone(withWorkers).run().get(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT,
                "hosts=%d pages/host=%d delay=%dms perHost=%d concurrency=%d cores=%d state=%s warc=%s%n",
                hosts, pages, delayMs, perHost, concurrency, Runtime.getRuntime().availableProcessors(),
                durable ? "rocksdb" : "memory", warc ? "on" : "off");
        System.out.printf(Locale.ROOT, "%d pages, %d articles in %.2f s: %.1f pages/s, %.1f articles/s%n",
                summary.pages(), summary.articles(), seconds, summary.pages() / seconds, summary.articles() / seconds);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
