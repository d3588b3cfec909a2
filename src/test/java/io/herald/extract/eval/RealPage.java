package io.herald.extract.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One page of a public evaluation set. A page is scored either against its full main-content text
 * ({@code truth}, on shingles) or, in trafilatura's set, against snippets that must appear ({@code with}) and
 * must not appear ({@code without}) in the extracted text.
 *
 * @param dataset the set's name, e.g. {@code readability} or {@code chatnoir/cleaneval}
 * @param id      the page's file or case name within its set
 * @param html    where the page's raw bytes are
 * @param url     the page's original URL, or a neutral placeholder when the set does not give it
 * @param truth   the main-content text, or null for a snippet-scored page
 */
public record RealPage(String dataset, String id, Path html, String url, String truth, List<String> with,
                       List<String> without) {
    /** The URL given to the extractor when a set has none: the one Readability.js's own tests use. */
    public static final String NO_URL = "http://fakehost/test/page.html";

    public RealPage {
        with = List.copyOf(with);
        without = List.copyOf(without);
    }

    static RealPage text(String dataset, String id, Path html, String url, String truth) {
        return new RealPage(dataset, id, html, url == null || url.isBlank() ? NO_URL : url, truth, List.of(), List.of());
    }

    static RealPage snippets(String dataset, String id, Path html, String url, List<String> with, List<String> without) {
        return new RealPage(dataset, id, html, url, null, with, without);
    }

    /**
     * CleanEval and CleanPortalEval wrap each saved page in {@code <text id="URL" ...>} ... {@code </text>}, a line
     * the evaluators added, not the site; chatnoir's converter strips it, and so does this.
     */
    private static final Pattern CLEANEVAL_WRAPPER = Pattern.compile("\\A\\s*<text [^>]*>|</text>\\s*\\z");

    /** The page's bytes as the site served them (less an evaluation wrapper, see {@link #CLEANEVAL_WRAPPER}). */
    public byte[] bytes() throws IOException {
        byte[] raw = Files.readAllBytes(html);
        // Latin-1 maps bytes to chars one to one, so the page's own encoding survives the round trip
        String s = new String(raw, 0, Math.min(raw.length, 400), StandardCharsets.ISO_8859_1);
        if (!s.stripLeading().startsWith("<text ")) {
            return raw;
        }
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        return CLEANEVAL_WRAPPER.matcher(all).replaceAll("").getBytes(StandardCharsets.ISO_8859_1);
    }

    public boolean snippetScored() {
        return truth == null;
    }
}
