package io.herald.extract.eval;

import io.herald.extract.ArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The related-story links of an L3S-GN1 page, read from its annotations. The annotators wrapped the text they
 * labelled "related content" in {@code <span class="x-nc-sel4">}, but their copy of the page has every
 * {@code href} replaced by {@code javascript:void(0)}, so the links are taken from the original page:
 * <ol>
 *   <li>an anchor of the annotated page is marked when all of its text lies inside {@code x-nc-sel4} spans
 *       (an anchor without text, a linked photo, when it sits inside one);</li>
 *   <li>the anchors of both copies are aligned in page order on their text (longest common subsequence): the
 *       annotated copy is the same page re-serialised, with a few anchors more or less; a marked anchor that
 *       does not align is dropped;</li>
 *   <li>its {@code href} in the original, resolved against the page's URL (and its {@code <base>}), without
 *       fragment, http(s) only, no whitespace: the cleaning Herald applies to every link;</li>
 *   <li>kept when it is a story: not the page itself; its title (the longest text of its marked anchors, less a
 *       lead-in such as "Read article:") has three or more words and does not start as navigation does ("More
 *       ...", "Click here", "All ... articles", "Next article", "Comments"); its path is not a tag, topic,
 *       category, section or author listing, nor the site's root or a single word under it.</li>
 * </ol>
 * Links are listed once, in page order. See docs/extraction.md ("Related links (item 3) on real pages") for why, and what
 * this truth gets wrong.
 */
final class L3sRelatedTruth {
    static final String RELATED_CLASS = "x-nc-sel4";
    private static final int MIN_TITLE_WORDS = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.&-][\\p{L}\\p{N}]+)*");
    private static final Pattern LEAD_IN = Pattern.compile(
            "(?iu)^\\W*(?:read (?:the )?(?:article|story|more|also)|also read|see also|related(?: story| article)?)\\s*[:»\\-–]\\s*");
    private static final Pattern NAVIGATION = Pattern.compile("(?iu)^\\W*(?:more|click|all|see all|view all|read all"
            + "|read comments|comments?|post (?:a )?comment|next|previous|back to|full story|e-?mail|print|share"
            + "|subscribe|sign up|download|listen|watch|get)\\b");
    private static final Pattern LISTING = Pattern.compile(
            "(?i)/(?:tags?|topics?|category|categories|sections?|authors?)(?:/|$)");
    /** The site's root or one word under it ({@code /}, {@code /newcastle}, {@code /presidential-politics/}). */
    private static final Pattern TOP_LEVEL = Pattern.compile("(?i)/?(?:[a-z]+(?:[-_][a-z]+)*/?)?");

    private L3sRelatedTruth() {
    }

    /** The page's annotated copy: {@code annotated/ID.html} beside {@code original/ID.html}. */
    static Path annotatedOf(Path original) {
        return original.getParent().resolveSibling("annotated").resolve(original.getFileName());
    }

    /** The related-story URLs of a page, in page order; empty when its annotation marks none. */
    static List<String> read(Path original, String url) throws IOException {
        Path annotated = annotatedOf(original);
        if (!Files.isRegularFile(annotated)) {
            return List.of();
        }
        String marked = RealDatasets.readString(annotated);
        if (!marked.contains(RELATED_CLASS)) {
            return List.of(); // nine pages in ten: no need to parse both copies
        }
        Document page;
        try (InputStream in = Files.newInputStream(original)) {
            page = Jsoup.parse(in, null, url); // charset from the page, as a browser would take it
        }
        return links(Jsoup.parse(marked), page, url);
    }

    /** As {@link #read}, on parsed copies: {@code page} parsed with {@code url} as its base URI. */
    static List<String> links(Document annotated, Document page, String url) {
        List<Element> marked = annotated.select("a");
        List<Element> original = page.select("a");
        int[] match = align(marked, original);
        Map<String, String> titles = new LinkedHashMap<>(); // URL → longest title, in page order
        String self = stripSlash(clean(url));
        for (int i = 0; i < marked.size(); i++) {
            Element a = marked.get(i);
            if (match[i] < 0 || !related(a)) {
                continue;
            }
            Element source = original.get(match[i]);
            String u = source.hasAttr("href") ? clean(source.absUrl("href")) : null;
            if (u == null || stripSlash(u).equals(self)) {
                continue;
            }
            String title = title(a);
            titles.merge(u, title, (x, y) -> y.length() > x.length() ? y : x);
        }
        List<String> out = new ArrayList<>();
        titles.forEach((u, t) -> {
            if (story(u, t)) {
                out.add(u);
            }
        });
        return out;
    }

    /** All of the anchor's text is labelled related; a text-less anchor (a photo) is judged by where it sits. */
    static boolean related(Element a) {
        boolean text = false;
        for (Element e : a.getAllElements()) {
            for (TextNode t : e.textNodes()) {
                if (!t.isBlank()) {
                    text = true;
                    if (!insideRelated(t)) {
                        return false;
                    }
                }
            }
        }
        return text || insideRelated(a);
    }

    private static boolean insideRelated(Node n) {
        for (Node p = n.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && e.hasClass(RELATED_CLASS)) {
                return true;
            }
        }
        return false;
    }

    /** A headline: three or more words after any lead-in, not a navigation phrase, not a listing page. */
    static boolean story(String url, String title) {
        String t = LEAD_IN.matcher(title).replaceFirst("");
        return words(t) >= MIN_TITLE_WORDS && !NAVIGATION.matcher(t).find() && !LISTING.matcher(path(url)).find()
                && !TOP_LEVEL.matcher(path(url)).matches();
    }

    static String title(Element a) {
        return a.text().strip();
    }

    static int words(String s) {
        int n = 0;
        for (var m = WORD.matcher(s); m.find(); ) {
            n++;
        }
        return n;
    }

    /**
     * For each anchor of {@code a}, the index of the anchor of {@code b} it is aligned with, or -1: the longest
     * common subsequence of their texts (lower-cased letters and digits), so a few anchors added or lost on either
     * side shift nothing.
     */
    static int[] align(List<Element> a, List<Element> b) {
        String[] x = a.stream().map(L3sRelatedTruth::key).toArray(String[]::new);
        String[] y = b.stream().map(L3sRelatedTruth::key).toArray(String[]::new);
        Map<String, Integer> ids = new HashMap<>();
        int[] xi = new int[x.length];
        int[] yi = new int[y.length];
        for (int i = 0; i < x.length; i++) {
            xi[i] = ids.computeIfAbsent(x[i], k -> ids.size());
        }
        for (int j = 0; j < y.length; j++) {
            yi[j] = ids.computeIfAbsent(y[j], k -> ids.size());
        }
        int n = x.length;
        int m = y.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = xi[i] == yi[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        for (int i = 0, j = 0; i < n && j < m; ) {
            if (xi[i] == yi[j]) {
                out[i++] = j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    private static String key(Element a) {
        return a.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Herald's cleaning of a resolved link, so that truth and output compare alike. */
    static String clean(String url) {
        return ArticleExtractor.cleanLink(url);
    }

    static String stripSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String path(String url) {
        int start = url.indexOf("//");
        int slash = start < 0 ? -1 : url.indexOf('/', start + 2);
        if (slash < 0) {
            return "/";
        }
        int end = url.indexOf('?', slash);
        return end < 0 ? url.substring(slash) : url.substring(slash, end);
    }
}
