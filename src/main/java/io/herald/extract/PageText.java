package io.herald.extract;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeVisitor;

/**
 * The text of every element of a page from one traversal: what {@link Element#text()} returns, its length,
 * the length of the link text inside it, and a few counts the extractor asks about each element. Calling
 * {@code text()} on every candidate container walked the same subtrees again and again (the scorer's link
 * density read the text of each ancestor of each paragraph); here the page's text is accumulated once,
 * exactly as jsoup's {@code text()} accumulates it, and each element remembers where its part starts and
 * ends. An element's {@code text()} is that part, trimmed: the part can differ from a standalone
 * {@code text()} only in the spaces before its first character, which the trim removes
 * ({@code PageTextTest} checks this on every element of the test pages). Built after the last change to the
 * tree; elements it has not seen (clones, later additions) fall back to jsoup.
 */
final class PageText {
    private final Map<Element, Integer> index;
    private final String text;
    private final int[] start;
    private final int[] end;
    private final int[] linkLength;
    private final int[] hrefLinks;
    private final boolean[] blockInside;
    private static final int PROSE_PARAGRAPH = 80;
    private static final double PROSE_LINK_SHARE = 0.3;
    /** The body's {@link #proseLength}, once asked; -1 before. */
    private int documentProse = -1;

    private PageText(Accumulator a) {
        this.index = a.index;
        this.text = a.accum.toString();
        int n = a.count;
        this.start = a.start;
        this.end = a.end;
        this.hrefLinks = a.hrefLinks;
        this.blockInside = a.blockInside;
        this.linkLength = new int[n];
        // post-order sums: an anchor's own text plus the anchors below, as select("a") would add them up
        for (int i = n - 1; i >= 0; i--) {
            if (a.isAnchor[i]) {
                linkLength[i] += length(i);
            }
            if (a.parent[i] >= 0) {
                linkLength[a.parent[i]] += linkLength[i];
            }
        }
    }

    /** Reads the text of every element under (and including) {@code root}. */
    static PageText of(Element root) {
        Accumulator a = new Accumulator();
        root.traverse(a);
        return new PageText(a);
    }

    /** Exactly {@code e.text()}. */
    String text(Element e) {
        Integer i = index.get(e);
        if (i == null) {
            return e.text();
        }
        int s = trimStart(i);
        int t = trimEnd(i, s);
        return text.substring(s, t);
    }

    /** Exactly {@code e.text().length()}, without building the string. */
    int length(Element e) {
        Integer i = index.get(e);
        return i == null ? e.text().length() : length(i);
    }

    /** Exactly {@code e.text().isBlank()}. */
    boolean blank(Element e) {
        Integer i = index.get(e);
        if (i == null) {
            return e.text().isBlank();
        }
        int t = trimEnd(i, trimStart(i));
        for (int k = trimStart(i); k < t; k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The sum of {@code a.text().length()} over {@code e.select("a")}. */
    int linkLength(Element e) {
        Integer i = index.get(e);
        if (i == null) {
            int n = 0;
            for (Element a : e.select(Selectors.A)) {
                n += a.text().length();
            }
            return n;
        }
        return linkLength[i];
    }

    /** {@code e.select("a[href]").size()}. */
    int hrefLinks(Element e) {
        Integer i = index.get(e);
        return i == null ? e.select(Selectors.A_HREF).size() : hrefLinks[i];
    }

    /** Share of the element's text that sits inside links, at most 1. */
    double linkDensity(Element e) {
        int total = length(e);
        return total == 0 ? 0 : Math.min(1.0, linkLength(e) / (double) total);
    }

    /**
     * The length of the writing under {@code e}: its {@code p} elements of {@value #PROSE_PARAGRAPH}+
     * characters that are mostly not link text. Computed on each call: callers ask it for few elements.
     */
    int proseLength(Element e) {
        int n = 0;
        for (Element p : e.getElementsByTag("p")) {
            int len = length(p);
            if (len >= PROSE_PARAGRAPH && linkLength(p) < PROSE_LINK_SHARE * len) {
                n += len;
            }
        }
        return n;
    }

    /** {@link #proseLength} of the document's body, computed once. */
    int documentProse(Element body) {
        if (documentProse < 0) {
            documentProse = proseLength(body);
        }
        return documentProse;
    }

    /** True when an element below {@code e} (not {@code e} itself) is one of {@link ContentScorer#BLOCK}. */
    boolean hasBlockInside(Element e) {
        Integer i = index.get(e);
        if (i == null) {
            for (Element d : e.getAllElements()) {
                if (d != e && BlockTags.isBlock(d.normalName())) {
                    return true;
                }
            }
            return false;
        }
        return blockInside[i];
    }

    private int length(int i) {
        int s = trimStart(i);
        return trimEnd(i, s) - s;
    }

    // String.trim() removes every char <= ' ' at both ends
    private int trimStart(int i) {
        int s = start[i];
        while (s < end[i] && text.charAt(s) <= ' ') {
            s++;
        }
        return s;
    }

    private int trimEnd(int i, int from) {
        int t = end[i];
        while (t > from && text.charAt(t - 1) <= ' ') {
            t--;
        }
        return t;
    }

    /**
     * jsoup's {@code Element.TextAccumulator} (1.24), which is private, with each element's start and end
     * recorded. Separators and whitespace follow it rule for rule.
     */
    private static final class Accumulator implements NodeVisitor {
        final StringBuilder accum = new StringBuilder(16 * 1024);
        final Map<Element, Integer> index = new IdentityHashMap<>();
        int count;
        int[] start = new int[256];
        int[] end = new int[256];
        int[] parent = new int[256];
        int[] hrefLinks = new int[256];
        boolean[] isAnchor = new boolean[256];
        boolean[] blockInside = new boolean[256];
        private int current = -1;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendNormalisedText(t);
            } else if (node instanceof Element e) {
                int i = open(e);
                start[i] = accum.length();
                if (accum.length() > 0 && needsLeadingSeparator(e) && !lastCharIsSpace()) {
                    accum.append(' ');
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                int i = current;
                end[i] = accum.length();
                current = parent[i];
                if (current >= 0) {
                    hrefLinks[current] += hrefLinks[i];
                    blockInside[current] |= blockInside[i] || BlockTags.isBlock(e.normalName());
                }
                Node next = node.nextSibling();
                if (needsTrailingSeparator(e) && (next instanceof TextNode || next instanceof Element n && n.tag().isInline())
                        && !lastCharIsSpace()) {
                    accum.append(' ');
                }
            }
        }

        private int open(Element e) {
            int i = count++;
            if (i == start.length) {
                int n = i * 2;
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                parent = Arrays.copyOf(parent, n);
                hrefLinks = Arrays.copyOf(hrefLinks, n);
                isAnchor = Arrays.copyOf(isAnchor, n);
                blockInside = Arrays.copyOf(blockInside, n);
            }
            index.put(e, i);
            parent[i] = current;
            boolean anchor = e.normalName().equals("a");
            isAnchor[i] = anchor;
            hrefLinks[i] = anchor && e.hasAttr("href") ? 1 : 0;
            current = i;
            return i;
        }

        private void appendNormalisedText(TextNode t) {
            String s = t.getWholeText();
            if (preserveWhitespace(t.parentNode()) || t instanceof CDataNode) {
                accum.append(s);
            } else {
                StringUtil.appendNormalisedWhitespace(accum, s, lastCharIsSpace());
            }
        }

        private boolean lastCharIsSpace() {
            return accum.length() != 0 && accum.charAt(accum.length() - 1) == ' ';
        }

        private static boolean preserveWhitespace(Node node) {
            if (node instanceof Element el) {
                for (int i = 0; i < 6 && el != null; i++, el = el.parent()) {
                    if (el.tag().preserveWhitespace()) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean needsLeadingSeparator(Element e) {
            return e.isBlock() || e.nameIs("br")
                    || e.tag().is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText();
        }

        private static boolean needsTrailingSeparator(Element e) {
            return e.tag().is(Tag.TextBoundary) || !e.tag().isInline() || hasBlockChild(e);
        }

        private static boolean hasBlockChild(Element e) {
            for (int i = 0; i < e.childNodeSize(); i++) {
                if (e.childNode(i) instanceof Element c && c.isBlock()) {
                    return true;
                }
            }
            return false;
        }
    }
}
