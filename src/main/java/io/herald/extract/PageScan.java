package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeVisitor;

/**
 * The elements {@link VisibleMetadata} reads, found in one traversal instead of one {@code select} per broad
 * selector. jsoup matches {@code [class*=date]} by lower-casing the class of every element once per
 * attribute test (seven times for the date selector alone); here each element's class and id are lower-cased
 * once and only an element that could match is handed to the selector, which still decides. The lists are in
 * document order, as {@code select} returns them.
 */
final class PageScan {
    private static final String[] DATED_CLASS = {"date", "time", "posted", "published", "fecha", "datum"};
    private static final String[] BYLINE_CLASS = {"byline", "author", "firma", "autor", "writer", "reporter"};
    private static final String[] HEADLINE_CLASS = {"headline", "title"};

    /** {@link Selectors#PUBLISHED} matches. */
    final List<Element> published = new ArrayList<>();
    /** {@link Selectors#DATED} matches. */
    final List<Element> dated = new ArrayList<>();
    /** {@link Selectors#BYLINE} matches. */
    final List<Element> bylines = new ArrayList<>();
    /** {@link Selectors#HEADLINE_CANDIDATES} matches inside the body. */
    final List<Element> headlineCandidates = new ArrayList<>();
    /** The first {@link Selectors#CANONICAL} and the first {@code h1}, or null. */
    Element canonical;
    Element firstH1;
    /** The {@code lang} of the first {@code html} element that has one, or "" ({@code select("html").attr("lang")}). */
    String lang = "";
    private boolean langSeen;

    private PageScan() {
    }

    static PageScan of(Document doc) {
        PageScan scan = new PageScan();
        Element body = doc.body();
        doc.traverse(new NodeVisitor() {
            private boolean inBody;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    inBody |= e == body;
                    scan.visit(doc, body, e, inBody);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                inBody &= node != body;
            }
        });
        return scan;
    }

    private void visit(Document doc, Element body, Element e, boolean inBody) {
        String tag = e.normalName();
        if (tag.equals("h1") && firstH1 == null) {
            firstH1 = e;
        }
        if (e.attributesSize() == 0) {
            if (inBody && (tag.equals("h1") || tag.equals("h2") || tag.equals("h3"))) {
                add(headlineCandidates, Selectors.HEADLINE_CANDIDATES, body, e);
            }
            return; // every other selector here tests an attribute
        }
        String cls = e.hasAttr("class") ? e.attr("class").toLowerCase(Locale.ROOT) : "";
        boolean itemprop = e.hasAttr("itemprop");
        if (itemprop || tag.equals("time") || e.hasAttr("title")) {
            add(published, Selectors.PUBLISHED, doc, e);
        }
        if (containsAny(cls, DATED_CLASS)) {
            add(dated, Selectors.DATED, doc, e);
        }
        if (itemprop || e.hasAttr("rel") || containsAny(cls, BYLINE_CLASS)
                || e.hasAttr("id") && e.attr("id").toLowerCase(Locale.ROOT).contains("byline")) {
            add(bylines, Selectors.BYLINE, doc, e);
        }
        if (inBody && (itemprop || tag.equals("h1") || tag.equals("h2") || tag.equals("h3")
                || containsAny(cls, HEADLINE_CLASS))) {
            add(headlineCandidates, Selectors.HEADLINE_CANDIDATES, body, e);
        }
        if (canonical == null && tag.equals("link") && Selectors.CANONICAL.matches(doc, e)) {
            canonical = e;
        }
        if (!langSeen && tag.equals("html") && e.hasAttr("lang")) {
            lang = e.attr("lang");
            langSeen = true;
        }
    }

    private static void add(List<Element> list, Evaluator selector, Element root, Element e) {
        if (selector.matches(root, e)) {
            list.add(e);
        }
    }

    private static boolean containsAny(String s, String[] parts) {
        if (s.isEmpty()) {
            return false;
        }
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
