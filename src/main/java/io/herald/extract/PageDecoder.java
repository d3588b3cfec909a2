package io.herald.extract;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Decodes a page's bytes with the detected charset and parses it: the one jsoup parse per page. */
final class PageDecoder {
    /** Deeper elements are flattened by jsoup; bounds the work on hostile nesting. */
    private static final int MAX_DEPTH = 256;
    /** No headline is this long: a longer title is the page swallowed by an unclosed {@code <title>}. */
    private static final int MAX_TITLE = 2000;
    private static final Pattern TITLE_TEXT = Pattern.compile("(?i)<title[^>]*>[^<]*");
    private final CharsetDetector detector = new CharsetDetector();

    Document parse(byte[] body, String contentTypeHeader, String baseUri) {
        CharsetDetector.Detected detected = detector.detect(body, contentTypeHeader);
        String html = decode(body, detected);
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri, parser);
        if (doc.title().length() > MAX_TITLE) {
            // a <title> whose end tag is missing or broken ("</titleval") swallows the rest of the page as its
            // text, as HTML's RCDATA rules say; browsers show such pages, and so should the extractor: the
            // title ends where the first tag after it starts
            Matcher m = TITLE_TEXT.matcher(html);
            boolean found = m.find();
            while (found && inComment(html, m.start())) {
                found = m.find(); // an old <title> left in a comment is not the one that swallowed the page
            }
            if (found) {
                String repaired = html.substring(0, m.end()) + "</title>" + html.substring(m.end());
                doc = Jsoup.parse(repaired, baseUri == null ? "" : baseUri, Parser.htmlParser().setMaxDepth(MAX_DEPTH));
            }
        }
        if (mayHoldRuby(html)) {
            // ruby annotations (furigana) say how the text above them is read; they are not the text, and left in
            // they split every annotated word ("子こども")
            doc.select("rt, rp").remove();
        }
        return doc;
    }

    /** An {@code <rt>} tag somewhere (any case); one pass over the markup, which most pages pass with no hit. */
    private static boolean mayHoldRuby(String html) {
        for (int i = html.indexOf('<'); i >= 0 && i + 2 < html.length(); i = html.indexOf('<', i + 1)) {
            if ((html.charAt(i + 1) | 0x20) == 'r' && (html.charAt(i + 2) | 0x20) == 't') {
                return true;
            }
        }
        return false;
    }

    private static boolean inComment(String html, int at) {
        int open = html.lastIndexOf("<!--", at);
        return open >= 0 && html.indexOf("-->", open + 4) > at;
    }

    static String decode(byte[] body, CharsetDetector.Detected detected) {
        Charset cs = detected.charset();
        // new String(...) replaces malformed input with U+FFFD instead of throwing
        return new String(body, detected.bomLength(), body.length - detected.bomLength(), cs);
    }
}
