package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.DiscoveryConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.herald.testing.WarcFiles;
import io.herald.testing.WarcFiles.Read;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static io.herald.testing.ConfigSections.withDiscovery;
import static io.herald.testing.ConfigSections.withOutput;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole crawls with {@code output.warc} on, the WARC files read back with jwarc and held against the server's log. */
class WarcEndToEndTest {
    private final Vertx vertx = Vertx.vertx();
    private TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void startSite() throws Exception {
        site = new TestSite(vertx, "127.0.0.7");
        done(site.start());
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\nSitemap: " + site.url("/sitemap.xml") + "\n");
        site.route("/sitemap.xml", req -> req.response().putHeader("content-type", "application/xml")
                .end("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                        + site.url("/a4") + "</loc></url></urlset>"));
        site.html("/", "<html><head><title>Front</title></head><body><ul>"
                + "<li><a href=\"/a1\">One</a></li><li><a href=\"/a2\">Two</a></li><li><a href=\"/a3\">Three</a></li>"
                + "<li><a href=\"/zipped\">Zipped</a></li><li><a href=\"/old\">Old</a></li>"
                + "<li><a href=\"/missing\">Missing</a></li><li><a href=\"/doc.pdf\">PDF</a></li></ul></body></html>");
        for (int i = 1; i <= 4; i++) {
            site.html("/a" + i, TestSite.article("Story " + i, "Story " + i + " begins here.", "/"));
        }
        byte[] zipped = gzip(TestSite.article("Zipped story", "This one came compressed.", "/"));
        site.route("/zipped", req -> req.response().putHeader("content-type", "text/html; charset=utf-8")
                .putHeader("content-encoding", "gzip").end(Buffer.buffer(zipped)));
        site.route("/old", req -> req.response().setStatusCode(301).putHeader("location", "/a1").end("moved"));
        site.route("/doc.pdf", req -> req.response().putHeader("content-type", "application/pdf").end("%PDF-1.4"));
    }

    @AfterEach
    void stop() throws Exception {
        done(vertx.close());
    }

    private CrawlConfig config(long warcMaxBytes) {
        CrawlConfig base = TestConfigs.crawl(List.of(site.url("/")), TestConfigs.politeness(Duration.ZERO, 2),
                tmp.resolve("out"));
        return withDiscovery(withOutput(base, base.output().withWarc(warcMaxBytes)),
                new DiscoveryConfig(List.of(), true, Duration.ZERO, 1000, 10));
    }

    private List<Path> warcFiles() throws IOException {
        try (var files = Files.list(tmp.resolve("out"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    @Test
    void everyFetchTheServerSawHasOneResponseAndOneRequestRecord() throws Exception {
        done(TestRunners.standalone(config(1L << 30)).run());

        List<Path> files = warcFiles();
        assertThat(files).hasSize(1);
        List<Read> records = WarcFiles.readAll(files);
        assertThat(records.get(0).type()).isEqualTo("warcinfo");
        assertThat(records.get(0).filename()).isEqualTo(files.get(0).getFileName().toString());

        List<String> served = site.paths().stream().map(site::url).sorted().toList();
        List<Read> responses = records.stream().filter(r -> r.type().equals("response")).toList();
        List<Read> requests = records.stream().filter(r -> r.type().equals("request")).toList();
        assertThat(responses.stream().map(Read::target).sorted().toList()).isEqualTo(served);
        assertThat(requests.stream().map(Read::target).sorted().toList()).isEqualTo(served);
        assertThat(served).contains(site.url("/robots.txt"), site.url("/sitemap.xml"), site.url("/old"),
                site.url("/missing"), site.url("/doc.pdf"));
        for (Read request : requests) {
            Read response = responses.stream().filter(r -> request.concurrentTo().contains(r.id())).findFirst()
                    .orElseThrow();
            assertThat(response.target()).isEqualTo(request.target());
            assertThat(request.headers().first("User-Agent")).contains("HeraldTest/1.0");
            assertThat(request.requestLine()).startsWith("GET /").endsWith(" HTTP/1.1");
        }

        Read moved = byTarget(responses, site.url("/old"));
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.headers().first("location")).contains("/a1");
        assertThat(new String(moved.payload(), StandardCharsets.UTF_8)).isEqualTo("moved");
        assertThat(byTarget(responses, site.url("/missing")).status()).isEqualTo(404);
        assertThat(byTarget(responses, site.url("/doc.pdf")).truncated()).isEqualTo("unspecified");
        Read zipped = byTarget(responses, site.url("/zipped"));
        assertThat(new String(zipped.payload(), StandardCharsets.UTF_8)).contains("This one came compressed.");
        assertThat(zipped.headers().first("Content-Encoding")).isEmpty(); // the body is stored decoded

        assertThat(jwarcValidate(files)).isZero();
    }

    @Test
    void articleLinesPointAtTheirResponseRecords() throws Exception {
        done(TestRunners.standalone(config(1L << 30)).run());

        List<JsonObject> articles = articles();
        assertThat(articles).extracting(a -> a.getString("url")).contains(site.url("/a1"), site.url("/a4"),
                site.url("/zipped"));
        for (JsonObject article : articles) {
            JsonObject warc = article.getJsonObject("warc");
            Read record = WarcFiles.readAt(tmp.resolve("out").resolve(warc.getString("file")), warc.getLong("offset"));
            assertThat(record.type()).isEqualTo("response");
            assertThat(record.target()).isEqualTo(article.getString("url"));
            assertThat(record.status()).isEqualTo(200);
            assertThat(new String(record.payload(), StandardCharsets.UTF_8)).contains(article.getString("title"));
        }
    }

    @Test
    void smallFilesRotateAndEachStartsWithItsWarcinfo() throws Exception {
        done(TestRunners.standalone(config(4096)).run());

        List<Path> files = warcFiles();
        assertThat(files).hasSizeGreaterThan(2);
        int responses = 0;
        for (Path file : files) {
            List<Read> records = WarcFiles.readAll(List.of(file));
            assertThat(records.get(0).type()).isEqualTo("warcinfo");
            assertThat(records.get(0).filename()).isEqualTo(file.getFileName().toString());
            responses += (int) records.stream().filter(r -> r.type().equals("response")).count();
        }
        assertThat(responses).isEqualTo(site.hits().size());
        for (JsonObject article : articles()) { // every line names a file that exists and a record in it
            JsonObject warc = article.getJsonObject("warc");
            assertThat(WarcFiles.readAt(tmp.resolve("out").resolve(warc.getString("file")), warc.getLong("offset"))
                    .target()).isEqualTo(article.getString("url"));
        }
    }

    @Test
    void aTornTailLeftByACrashIsCutOffWhenTheNextRunStarts() throws Exception {
        done(TestRunners.standalone(config(1L << 30)).run());
        Path first = warcFiles().get(0);
        List<Read> before = WarcFiles.readAll(List.of(first));
        try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(first) - 25); // the last record cut short, as a kill -9 mid-write leaves it
        }
        assertThat(readsClean(first)).isFalse();
        assertThat(jwarcValidate(List.of(first))).isNotZero(); // the validator notices too: the check can fail

        done(TestRunners.standalone(config(1L << 30)).run());

        List<Path> files = warcFiles();
        assertThat(files).hasSize(2);
        assertThat(readsClean(first)).isTrue();
        List<Read> after = WarcFiles.readAll(List.of(first));
        // the torn response and the request written with it are gone, everything before is intact
        assertThat(after).extracting(Read::id).isEqualTo(before.subList(0, before.size() - 2).stream()
                .map(Read::id).toList());
        assertThat(WarcFiles.readAll(files)).isNotEmpty();
        assertThat(jwarcValidate(files)).isZero();
    }

    private static boolean readsClean(Path file) {
        try (WarcReader reader = new WarcReader(file)) {
            reader.forEach(r -> {
                try {
                    r.body().consume();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Read byTarget(List<Read> records, String url) {
        return records.stream().filter(r -> r.target().equals(url)).findFirst().orElseThrow();
    }

    /** jwarc's own {@code validate} command, in a JVM of its own (it exits); 0 means every record is valid. */
    private static int jwarcValidate(List<Path> files) throws Exception {
        String jar = Path.of(WarcReader.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar, "org.netpreserve.jwarc.tools.WarcTool", "validate"));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            System.err.println(output);
        }
        return process.exitValue();
    }

    private List<JsonObject> articles() throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (Path file : CrawlSummary.articleFiles(tmp.resolve("out"))) {
            Files.readAllLines(file).forEach(l -> lines.add(new JsonObject(l)));
        }
        return lines;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static <T> T done(io.vertx.core.Future<T> future) throws Exception {
        return done(future.toCompletionStage().toCompletableFuture());
    }

    private static <T> T done(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }
}
