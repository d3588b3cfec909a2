package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
    private final CharsetDetector detector = new CharsetDetector();
    private static final Charset CP1251 = Charset.forName("windows-1251");

    private static byte[] bytes(String html, Charset cs) {
        return html.getBytes(cs);
    }

    @Test
    void bomWinsOverHeaderAndMeta() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes("<meta charset=windows-1251><p>Grüße</p>", StandardCharsets.UTF_8));
        CharsetDetector.Detected d = detector.detect(body, "text/html; charset=ISO-8859-1");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.bomLength()).isEqualTo(3);
        assertThat(new PageDecoder().parse(body, null, "").text()).isEqualTo("Grüße");
    }

    @Test
    void headerCharsetBeatsMeta() {
        byte[] body = bytes("<meta charset=\"utf-8\"><p>Café</p>", StandardCharsets.ISO_8859_1);
        assertThat(detector.detect(body, "text/html; charset=\"iso-8859-1\"").source()).isEqualTo("header");
        assertThat(new PageDecoder().parse(body, "text/html; charset=iso-8859-1", "").text()).isEqualTo("Café");
    }

    @Test
    void metaHttpEquivWhenHeaderHasNoCharset() {
        byte[] body = bytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + "</head><body><p>Привет, мир</p></body></html>", CP1251);
        assertThat(detector.detect(body, "text/html").charset()).isEqualTo(CP1251);
        Document doc = new PageDecoder().parse(body, "text/html", "");
        assertThat(doc.body().text()).isEqualTo("Привет, мир");
    }

    @Test
    void utf8BytesUnderAStaleMetaDeclarationAreUtf8() {
        // re-saved as UTF-8, still declaring gb2312 / windows-1252: valid multi-byte UTF-8 is no legacy text
        byte[] body = bytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Letterman’s Zürich show</p>"
                + "</body></html>", StandardCharsets.UTF_8);
        assertThat(detector.detect(body, "text/html").source()).isEqualTo("utf8-over-meta");
        assertThat(new PageDecoder().parse(body, "text/html", "").body().text()).isEqualTo("Letterman’s Zürich show");
        // the HTTP header is still believed, and a real windows-1252 page keeps its declaration
        assertThat(detector.detect(body, "text/html; charset=windows-1252").source()).isEqualTo("header");
        byte[] legacy = bytes("<meta charset=\"windows-1252\"><p>Zürich – 5 €</p>", Charset.forName("windows-1252"));
        assertThat(detector.detect(legacy, null).source()).isEqualTo("meta");
    }

    @Test
    void aTitleWithoutItsEndTagDoesNotSwallowThePage() {
        String story = "The council voted on Tuesday to close the old ferry terminal. ".repeat(40);
        byte[] body = bytes("<html><head><!-- <title>Old title</title> --><title>Ferry terminal closes' + OAS_query + '</titleval>"
                + "<body><p>" + story.strip() + "</p></body></html>", StandardCharsets.UTF_8);
        Document doc = new PageDecoder().parse(body, "text/html", "");
        assertThat(doc.body().text()).isEqualTo(story.strip());
        assertThat(doc.title()).isEqualTo("Ferry terminal closes' + OAS_query + '");
    }

    @Test
    void undeclaredValidUtf8IsUtf8() {
        byte[] body = bytes("<p>Zürich – naïve</p>", StandardCharsets.UTF_8);
        assertThat(detector.detect(body, null).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void undeclaredInvalidUtf8FallsBackToWindows1252() {
        byte[] body = bytes("<p>Zürich – 5 €</p>", Charset.forName("windows-1252"));
        CharsetDetector.Detected d = detector.detect(body, null);
        assertThat(d.source()).isEqualTo("fallback");
        assertThat(new PageDecoder().parse(body, null, "").text()).isEqualTo("Zürich – 5 €");
    }

    @Test
    void unknownOrBogusLabelsAreIgnored() {
        assertThat(CharsetDetector.fromContentType("text/html; charset=no-such-charset")).isNull();
        assertThat(CharsetDetector.fromContentType("text/html; charset=\"")).isNull();
        assertThat(CharsetDetector.forLabel("latin1")).isEqualTo(CharsetDetector.FALLBACK);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
