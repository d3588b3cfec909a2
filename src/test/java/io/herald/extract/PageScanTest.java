package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass scan finds exactly what the selectors it replaces select, in the same order. */
class PageScanTest {
    static Stream<Path> pages() throws IOException {
        return PageTextTest.pages();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void theTestPagesGiveWhatTheSelectorsGive(Path page) throws IOException {
        assertSameAsSelectors(Jsoup.parse(Files.readString(page, StandardCharsets.ISO_8859_1), "http://example.org/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<html lang=de><head><link rel=Canonical href=/c><title>T</title></head><body><h2 class=X-Title>a</h2>"
                + "<span class='PostedOn'>1 May</span><time datetime=2024-01-01>x</time><abbr class=published title=t>y</abbr>"
                + "<div id=BYLINE-main>By A</div><a rel=author>B</a><p itemprop=author>C</p><h1>first</h1><h3>h</h3></body></html>",
        "<body><div class='dateline Fecha datum'><p class=reporter>r</p><b class=autorin>x</b></div>"
                + "<meta itemprop=datePublished content=2024><span itemprop=headline>H</span><h1 class=t>h1</h1></body>",
        "<html><body class=title-time><h2>x</h2></body></html><link rel='canonical x' href=/n>"})
    void theSelectorsEdgeCasesGiveWhatTheSelectorsGive(String html) {
        assertSameAsSelectors(Jsoup.parse(html, "http://example.org/"));
    }

    private static void assertSameAsSelectors(Document doc) {
        PageScan scan = PageScan.of(doc);
        assertThat(scan.published).containsExactlyElementsOf(doc.select(Selectors.PUBLISHED));
        assertThat(scan.dated).containsExactlyElementsOf(doc.select(Selectors.DATED));
        assertThat(scan.bylines).containsExactlyElementsOf(doc.select(Selectors.BYLINE));
        assertThat(scan.headlineCandidates).containsExactlyElementsOf(doc.body().select(Selectors.HEADLINE_CANDIDATES));
        assertThat(scan.canonical).isSameAs(doc.selectFirst(Selectors.CANONICAL));
        assertThat(scan.firstH1).isSameAs(doc.selectFirst(Selectors.H1));
        assertThat(scan.lang).isEqualTo(doc.select("html").attr("lang"));
    }
}
