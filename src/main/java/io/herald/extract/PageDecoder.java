package io.herald.extract;

import java.nio.charset.Charset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Decodes a page's bytes with the detected charset and parses it: the one jsoup parse per page. */
final class PageDecoder {
    /** Deeper elements are flattened by jsoup; bounds the work on hostile nesting. */
    private static final int MAX_DEPTH = 256;
    private final CharsetDetector detector = new CharsetDetector();

    Document parse(byte[] body, String contentTypeHeader, String baseUri) {
        CharsetDetector.Detected detected = detector.detect(body, contentTypeHeader);
        String html = decode(body, detected);
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri, parser);
        return doc;
    }

    static String decode(byte[] body, CharsetDetector.Detected detected) {
        Charset cs = detected.charset();
        // new String(...) replaces malformed input with U+FFFD instead of throwing
        return new String(body, detected.bomLength(), body.length - detected.bomLength(), cs);
    }
}
