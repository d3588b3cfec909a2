package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass text index answers exactly what jsoup answers element by element. */
class PageTextTest {
    static Stream<Path> pages() throws IOException {
        return Stream.concat(Files.list(Path.of("src/test/resources/extract")),
                Files.list(Path.of("src/test/resources/eval/pages"))).filter(p -> p.toString().endsWith(".html")).sorted();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyElementOfTheTestPagesMatchesJsoup(Path page) throws IOException {
        // decoded as the extractor would see most pages; the charset does not matter to the comparison
        assertMatchesJsoup(Jsoup.parse(Files.readString(page, StandardCharsets.ISO_8859_1), "http://example.org/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>  lead  <b>bold</b>tail </p><div> <span>a</span><div>b</div>c<br>d</div>",
        "<pre>  keep\n   this  </pre> after <textarea> raw\n text </textarea>",
        "<div>  <pre>\n\n x \n</pre>  </div><p>\u00a0\u00a0nbsp\u00a0 and\u200bzero\u00ad soft</p>",
        "<ul><li>one</li><li> two <a href=x>link</a></li></ul><a><div>block in link</div></a>tail",
        "<table><tr><td>a</td><td> b </td></tr></table><span><div>x</div></span>y<i>z</i>",
        "<p><a href=1>a</a><a>b</a> <a href=2><a href=3>nested</a></a></p><svg><![CDATA[ cdata ]]></svg>",
        "text <br> <br>more<img alt=x>then <input value=y> done \u2003<em>\u2003</em>",
        "<div><p></p>  <p> </p><span> </span></div><h1>H<sup>2</sup>O</h1><ruby>x<rt>y</rt></ruby>",
        "\u000b<p>\u0001ctl\u000b</p>\u001f"})
    void trickyWhitespaceAndSeparatorsMatchJsoup(String html) {
        assertMatchesJsoup(Jsoup.parse(html));
    }

    @Test
    void theGeneratedNewsPagesMatchJsoup() {
        // a long page with every part of a CMS template: the shape the crawler sees most
        StringBuilder html = new StringBuilder("<body><nav><ul>");
        for (int i = 0; i < 50; i++) {
            html.append("<li><a href='/s/").append(i).append("'>Section ").append(i).append("</a></li>");
        }
        html.append("</ul></nav><article><h1>Title</h1><figure><img src=a.jpg><figcaption>Cap <span>Credit</span>"
                + "</figcaption></figure>");
        for (int i = 0; i < 30; i++) {
            html.append("<p>Paragraph ").append(i).append(", with <a href='/x'>a link</a> and\n\t<strong>bold</strong> text.</p>");
        }
        html.append("</article><footer>© <a href=/about>About</a></footer>");
        assertMatchesJsoup(Jsoup.parse(html.toString()));
    }

    @Test
    void anElementAddedAfterTheIndexFallsBackToJsoup() {
        Document doc = Jsoup.parse("<p>one</p>");
        PageText text = PageText.of(doc);
        Element late = doc.body().appendElement("div").text("later <a> text");
        late.appendElement("a").attr("href", "/y").text("linked");
        assertThat(text.text(late)).isEqualTo(late.text());
        assertThat(text.linkLength(late)).isEqualTo("linked".length());
        assertThat(text.hrefLinks(late)).isEqualTo(1);
    }

    private static void assertMatchesJsoup(Document doc) {
        PageText text = PageText.of(doc);
        List<Element> all = doc.getAllElements();
        assertThat(all).isNotEmpty();
        for (Element e : all) {
            String expected = e.text();
            String where = e.cssSelector();
            assertThat(text.text(e)).as(where).isEqualTo(expected);
            assertThat(text.length(e)).as(where).isEqualTo(expected.length());
            assertThat(text.blank(e)).as(where).isEqualTo(expected.isBlank());
            int linked = e.select("a").stream().mapToInt(a -> a.text().length()).sum();
            assertThat(text.linkLength(e)).as(where).isEqualTo(linked);
            assertThat(text.hrefLinks(e)).as(where).isEqualTo(e.select("a[href]").size());
            boolean block = e.getAllElements().stream().anyMatch(d -> d != e && BlockTags.isBlock(d.normalName()));
            assertThat(text.hasBlockInside(e)).as(where).isEqualTo(block);
        }
    }
}
