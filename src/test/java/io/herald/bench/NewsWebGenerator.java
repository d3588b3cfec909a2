package io.herald.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the bench news web ({@link NewsWeb}, {@link NewsPages}) as static files for nginx:
 * {@code DIR/127.0.1.N/} per host, each page also as {@code .gz} beside it (nginx's gzip_static serves it
 * to a client that accepts gzip, at no CPU cost), plus {@code DIR/web.tsv}, one line per host:
 * address, Crawl-delay (0 for none), pages, articles.
 * <pre>java -cp CLASSES io.herald.bench.NewsWebGenerator DIR [HOSTS [ARTICLES [PORT]]]</pre>
 * The output depends only on the arguments. Run by {@code bench/generate}.
 */
public final class NewsWebGenerator {
    private final NewsWeb web;
    private final NewsPages pages;
    private final Path dir;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong gzBytes = new AtomicLong();
    private final LongAccumulator smallest = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator largest = new LongAccumulator(Math::max, 0);

    private NewsWebGenerator(NewsWeb web, Path dir) {
        this.web = web;
        this.pages = new NewsPages(web);
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: NewsWebGenerator DIR [HOSTS [ARTICLES [PORT]]]");
            System.exit(2);
        }
        NewsWeb web = new NewsWeb(arg(args, 1, 50), arg(args, 2, 10_002), arg(args, 3, 18080));
        Path dir = Path.of(args[0]);
        NewsWebGenerator generator = new NewsWebGenerator(web, dir);
        long start = System.nanoTime();
        IntStream.range(0, web.hosts()).parallel().forEach(generator::writeHost);
        StringBuilder tsv = new StringBuilder();
        int totalPages = 0;
        for (int h = 0; h < web.hosts(); h++) {
            tsv.append(web.address(h)).append('\t').append(web.crawlDelay(h) ? NewsWeb.CRAWL_DELAY : "0").append('\t')
                    .append(web.pagesOf(h)).append('\t').append(web.articlesOf(h)).append('\n');
            totalPages += web.pagesOf(h);
        }
        Files.writeString(dir.resolve("web.tsv"), tsv);
        System.out.printf(Locale.ROOT, "%d hosts, %d pages (%d articles) in %s: %.0f MB (%.0f MB gzipped), "
                        + "pages %.1f-%.1f KB, %.1f s%n", web.hosts(), totalPages, web.articles(), dir,
                generator.bytes.get() / 1048576.0, generator.gzBytes.get() / 1048576.0, generator.smallest.get() / 1024.0,
                generator.largest.get() / 1024.0, (System.nanoTime() - start) / 1e9);
        if (generator.files.get() != totalPages) {
            throw new IllegalStateException("wrote " + generator.files.get() + " pages, expected " + totalPages);
        }
    }

    private void writeHost(int host) {
        Path root = dir.resolve(web.address(host));
        write(root.resolve("robots.txt"), web.robots(host), false);
        page(root.resolve("index.html"), pages.front(host));
        for (int s = 0; s < NewsWeb.SECTIONS.size(); s++) {
            for (int p = 1; p <= web.listingPages(host, s); p++) {
                page(root.resolve(NewsWeb.listingPath(s, p).substring(1)).resolve("index.html"), pages.listing(host, s, p));
            }
        }
        for (int a = 0; a < web.articlesOf(host); a++) {
            page(root.resolve(web.articlePath(host, a).substring(1)), pages.article(host, a));
        }
    }

    private void page(Path file, String html) {
        int size = write(file, html, true);
        files.incrementAndGet();
        bytes.addAndGet(size);
        smallest.accumulate(size);
        largest.accumulate(size);
    }

    private int write(Path file, String text, boolean gzip) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            if (gzip) {
                Path gz = file.resolveSibling(file.getFileName() + ".gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                    out.write(data);
                }
                gzBytes.addAndGet(Files.size(gz));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data.length;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
