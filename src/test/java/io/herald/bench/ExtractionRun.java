package io.herald.bench;

import io.herald.extract.ArticleExtractor;
import io.herald.extract.eval.EvalMain;
import io.herald.model.DiscoveredLink;
import io.herald.model.ExtractResult;
import io.herald.sink.ArticleJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Helpers around the extraction benchmark, run by {@code scripts/bench-extraction}:
 * <ul>
 *   <li>{@code dump SET FILE}: what the extractor makes of every page of a set, one JSON line per page (type,
 *   flags, links, article as {@code herald extract} prints it), to diff before and after a change;</li>
 *   <li>{@code loop SET SECONDS THREADS}: extracts the set over and over on THREADS threads for SECONDS after
 *   a warm-up of the same length, and prints pages/s and CPU ms/page; the loop to record with JFR. A negative
 *   SECONDS, {@code -N}, runs N pages instead (warm-up N pages too): on a busy machine a fixed count warms the JIT
 *   up the same however little CPU the run gets.</li>
 * </ul>
 */
public final class ExtractionRun {
    private ExtractionRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("dump")) {
            dump(args[1], Path.of(args[2]));
        } else if (args.length == 4 && args[0].equals("loop")) {
            loop(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: ExtractionRun dump SET FILE | loop SET SECONDS THREADS; SET one of " + BenchSets.NAMES);
            System.exit(2);
        }
    }

    private static void dump(String set, Path file) throws IOException {
        ArticleExtractor extractor = EvalMain.defaultExtractor();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (BenchSets.Input p : BenchSets.load(set)) {
                ExtractResult r = extractor.extract(p.body(), p.contentType(), p.url());
                JsonArray links = new JsonArray();
                for (DiscoveredLink l : r.links()) {
                    links.add(l.via().jsonName() + " " + l.url());
                }
                out.println(new JsonObject().put("page", p.name()).put("type", r.type().name())
                        .put("flags", new JsonArray(new ArrayList<>(r.flags())))
                        .put("article", r.article() == null ? null : ArticleJson.toJson(r.article(), p.url()))
                        .put("links", links).encode());
            }
        }
    }

    /**
     * Wall-clock pages/s, and CPU time per page (the extracting threads' own CPU time): on a shared machine
     * the second is the figure to compare, since other jobs take the CPU away from the first.
     */
    private static void loop(String set, int seconds, int threads) throws InterruptedException {
        List<BenchSets.Input> pages = BenchSets.load(set);
        ArticleExtractor extractor = EvalMain.defaultExtractor();
        AtomicLong cpu = new AtomicLong();
        run(pages, extractor, seconds, threads, cpu); // warm-up
        cpu.set(0);
        long start = System.nanoTime();
        long done = run(pages, extractor, seconds, threads, cpu);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d pages (%.1f KB mean) on %d thread(s) in %.1f s: %.0f pages/s wall, "
                        + "%.3f ms CPU/page%n", set, done, BenchSets.bytes(pages) / 1024.0 / pages.size(), threads, secs,
                done / secs, cpu.get() / 1e6 / done);
    }

    private static long run(List<BenchSets.Input> pages, ArticleExtractor extractor, int seconds, int threads,
                            AtomicLong cpu) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int perThread = seconds < 0 ? -seconds / threads : Integer.MAX_VALUE;
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7;
            Thread w = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                long n = 0;
                for (int i = offset; n < perThread && (perThread < Integer.MAX_VALUE || System.nanoTime() < end); i++) {
                    BenchSets.Input p = pages.get(i % pages.size());
                    if (extractor.extract(p.body(), p.contentType(), p.url()) != null) {
                        n++;
                    }
                }
                done.addAndGet(n);
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.get();
    }
}
