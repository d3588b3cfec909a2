package io.herald.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitemapReaderTest {
    private static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String HARBOUR = "https://news.example.com/2024/06/10/harbour-reopens.html";
    private static final String COUNCIL = "https://news.example.com/2024/06/09/council-vote.html";

    private final SitemapReader reader = new SitemapReader(Duration.ZERO, 1000, CLOCK);

    @Test
    void urlsetGivesPagesWithLastmodInOrderDeduplicatedHttpOnly() {
        SitemapResult result = reader.read("https://news.example.com/sitemap.xml", Fixtures.bytes("urlset.xml"),
                "application/xml");

        assertThat(result.problem()).isNull();
        assertThat(result.sitemaps()).isEmpty();
        assertThat(result.pages()).containsExactly(
                new SitemapEntry(HARBOUR, Instant.parse("2024-06-10T06:30:00Z")),
                new SitemapEntry("https://news.example.com/2024/06/01/budget.html", Instant.parse("2024-06-01T00:00:00Z")),
                new SitemapEntry("https://news.example.com/about.html", null));
    }

    @Test
    void sitemapIndexGivesChildSitemapsAndNoPages() {
        SitemapResult result = reader.read("https://news.example.com/sitemap_index.xml",
                Fixtures.bytes("sitemap-index.xml"), "text/xml; charset=UTF-8");

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).isEmpty();
        assertThat(result.sitemaps()).containsExactly(
                "https://news.example.com/sitemaps/news.xml",
                "https://news.example.com/sitemaps/archive-2024-05.xml.gz");
    }

    @Test
    void newsSitemapPrefersPublicationDateOverLastmod() {
        SitemapResult result = reader.read("https://news.example.com/sitemaps/news.xml",
                Fixtures.bytes("news-sitemap.xml"), "application/xml");

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).extracting(SitemapEntry::published).containsExactly(
                Instant.parse("2024-06-10T08:00:00Z"),
                Instant.parse("2024-06-09T15:45:00Z"),
                Instant.parse("2024-05-01T10:00:00Z"),
                null,
                Instant.parse("2024-06-10T00:00:00Z"));
    }

    @Test
    void freshnessFilterDropsOldPagesAndKeepsUndatedOnes() {
        SitemapReader fresh = new SitemapReader(Duration.ofDays(2), 1000, CLOCK);

        SitemapResult result = fresh.read("https://news.example.com/sitemaps/news.xml",
                Fixtures.bytes("news-sitemap.xml"), "application/xml");

        assertThat(result.pages()).extracting(SitemapEntry::url).containsExactly(
                HARBOUR, COUNCIL, "https://news.example.com/live/undated.html",
                "https://other.example.org/partner/story.html");
    }

    @Test
    void freshnessCutoffIsNowMinusMaxAge() {
        // council-vote was published at 15:45 on the 9th: 20h15m before NOW
        SitemapReader tight = new SitemapReader(Duration.ofHours(20), 1000, CLOCK);

        SitemapResult result = tight.read("https://news.example.com/sitemaps/news.xml",
                Fixtures.bytes("news-sitemap.xml"), "application/xml");

        assertThat(result.pages()).extracting(SitemapEntry::url)
                .contains(HARBOUR).doesNotContain(COUNCIL);
    }

    @Test
    void urlsOutsideTheSitemapFolderAndHostAreKept() {
        SitemapResult result = reader.read("https://news.example.com/sitemaps/news.xml",
                Fixtures.bytes("news-sitemap.xml"), "application/xml");

        assertThat(result.pages()).extracting(SitemapEntry::url)
                .contains(HARBOUR, "https://other.example.org/partner/story.html");
    }

    @Test
    void gzipSitemapIsInflatedWhateverTheContentType() {
        byte[] gz = Fixtures.bytes("urlset.xml.gz");

        SitemapResult byGzipType = reader.read("https://news.example.com/sitemap.xml.gz", gz, "application/x-gzip");
        SitemapResult byOctets = reader.read("https://news.example.com/sitemap", gz, "application/octet-stream");

        assertThat(byGzipType.problem()).isNull();
        assertThat(byGzipType.pages()).extracting(SitemapEntry::url).first().isEqualTo(HARBOUR);
        assertThat(byOctets.pages()).isEqualTo(byGzipType.pages()).hasSize(3);
    }

    @Test
    void alreadyInflatedGzUrlIsReadAsPlainXml() {
        // the HTTP client honoured Content-Encoding: gzip, so the .gz URL carries plain XML
        SitemapResult result = reader.read("https://news.example.com/sitemap.xml.gz", Fixtures.bytes("urlset.xml"),
                "application/xml");

        assertThat(result.pages()).hasSize(3);
    }

    @Test
    void gzippedTextSitemapIsRead() throws IOException {
        SitemapResult result = reader.read("https://news.example.com/sitemap.txt.gz",
                gzip(Fixtures.bytes("sitemap.txt")), null);

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).hasSize(3);
    }

    @Test
    void rssFeedGivesItemLinksWithPubDate() {
        SitemapResult result = reader.read("https://news.example.com/feed/", Fixtures.bytes("rss.xml"),
                "application/rss+xml");

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).containsExactly(
                new SitemapEntry(HARBOUR, Instant.parse("2024-06-10T08:00:00Z")),
                new SitemapEntry(COUNCIL, Instant.parse("2024-06-09T15:45:00Z")));
    }

    @Test
    void atomFeedGivesEntryLinksWithUpdated() {
        SitemapResult result = reader.read("https://news.example.com/atom.xml", Fixtures.bytes("atom.xml"),
                "application/atom+xml");

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).containsExactly(
                new SitemapEntry(HARBOUR, Instant.parse("2024-06-10T08:00:00Z")),
                new SitemapEntry(COUNCIL, Instant.parse("2024-06-09T15:45:00Z")));
    }

    @Test
    void textSitemapSkipsNonUrlLines() {
        SitemapResult result = reader.read("https://news.example.com/sitemap.txt", Fixtures.bytes("sitemap.txt"),
                "text/plain; charset=utf-8");

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).extracting(SitemapEntry::url)
                .containsExactly(HARBOUR, COUNCIL, "https://news.example.com/about.html");
        assertThat(result.pages()).extracting(SitemapEntry::published).containsOnlyNulls();
    }

    @Test
    void xmlSentAsTextPlainIsStillReadAsXml() {
        SitemapResult result = reader.read("https://news.example.com/sitemap.xml", Fixtures.bytes("urlset.xml"),
                "text/plain");

        assertThat(result.pages()).hasSize(3);
    }

    @Test
    void maxUrlsKeepsTheFirstPages() {
        SitemapReader capped = new SitemapReader(Duration.ZERO, 2, CLOCK);

        SitemapResult result = capped.read("https://news.example.com/sitemaps/news.xml",
                Fixtures.bytes("news-sitemap.xml"), "application/xml");

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).extracting(SitemapEntry::url).containsExactly(HARBOUR, COUNCIL);
    }

    @Test
    void maxUrlsCountsPagesAfterTheFreshnessFilter() {
        SitemapReader cappedFresh = new SitemapReader(Duration.ofDays(2), 3, CLOCK);

        SitemapResult result = cappedFresh.read("https://news.example.com/sitemaps/news.xml",
                Fixtures.bytes("news-sitemap.xml"), "application/xml");

        assertThat(result.pages()).extracting(SitemapEntry::url)
                .containsExactly(HARBOUR, COUNCIL, "https://news.example.com/live/undated.html");
    }

    @Test
    void htmlErrorPageIsAProblem() {
        SitemapResult result = reader.read("https://news.example.com/sitemap.xml", Fixtures.bytes("error-page.html"),
                "text/html; charset=utf-8");

        assertProblem(result);
    }

    @Test
    void htmlErrorPageSentAsXmlIsAProblem() {
        assertProblem(reader.read("https://news.example.com/sitemap.xml", Fixtures.bytes("error-page.html"),
                "application/xml"));
        assertProblem(reader.read("https://news.example.com/sitemap.xml",
                "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8), "text/xml"));
    }

    @Test
    void truncatedXmlIsAProblem() {
        SitemapResult result = reader.read("https://news.example.com/sitemaps/news.xml",
                Fixtures.bytes("truncated.xml"), "application/xml");

        assertProblem(result);
    }

    @Test
    void truncatedGzipIsAProblem() {
        byte[] gz = Fixtures.bytes("urlset.xml.gz");

        assertProblem(reader.read("https://news.example.com/sitemap.xml.gz", Arrays.copyOf(gz, gz.length / 2),
                "application/gzip"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "text/plain", "application/xml", ""})
    void junkBytesAreAProblemWhateverTheContentType(String contentType) {
        byte[] junk = new byte[512];
        new Random(42).nextBytes(junk);
        junk[0] = 'Z';

        assertProblem(reader.read("https://news.example.com/sitemap.xml", junk, contentType));
    }

    @Test
    void emptyOrMissingContentIsAProblem() {
        assertProblem(reader.read("https://news.example.com/sitemap.xml", new byte[0], "application/xml"));
        assertProblem(reader.read("https://news.example.com/sitemap.xml", " \n\t".getBytes(StandardCharsets.UTF_8),
                null));
        assertProblem(reader.read("https://news.example.com/sitemap.xml", null, null));
    }

    @Test
    void badSitemapUrlIsAProblem() {
        byte[] xml = Fixtures.bytes("urlset.xml");

        assertProblem(reader.read("not a url", xml, "application/xml"));
        assertProblem(reader.read("file:///etc/sitemap.xml", xml, "application/xml"));
        assertProblem(reader.read(null, xml, "application/xml"));
    }

    @Test
    void emptyUrlsetIsNotAProblem() {
        byte[] empty = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>"
                .getBytes(StandardCharsets.UTF_8);

        SitemapResult result = reader.read("https://news.example.com/sitemap.xml", empty, "application/xml");

        assertThat(result.problem()).isNull();
        assertThat(result.pages()).isEmpty();
    }

    @Test
    void resultListsAreImmutable() {
        SitemapResult result = reader.read("https://news.example.com/sitemap.xml", Fixtures.bytes("urlset.xml"), null);

        assertThatThrownBy(() -> result.pages().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNonsenseConfiguration() {
        assertThatThrownBy(() -> new SitemapReader(Duration.ofDays(-1), 10, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SitemapReader(Duration.ZERO, 0, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentReadsGiveTheSameAnswer() throws Exception {
        SitemapReader shared = new SitemapReader(Duration.ofDays(2), 1000, CLOCK);
        byte[] news = Fixtures.bytes("news-sitemap.xml");
        byte[] rss = Fixtures.bytes("rss.xml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SitemapResult>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] body = i % 2 == 0 ? news : rss;
                futures.add(pool.submit(() -> shared.read("https://news.example.com/s.xml", body, null)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get().pages()).hasSize(i % 2 == 0 ? 4 : 2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertProblem(SitemapResult result) {
        assertThat(result.problem()).isNotBlank().hasSizeLessThanOrEqualTo(201);
        assertThat(result.pages()).isEmpty();
        assertThat(result.sitemaps()).isEmpty();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
