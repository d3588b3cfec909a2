package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * Finds the lede (standfirst, deck, intro paragraph) that sits between the headline and the article container
 * but outside it. Templates put it in the header block with the headline, often a {@code <header>} that the
 * boilerplate filter hides with the page's header, or in a wrapper of its own above the body
 * ({@code p.intro}, {@code h2.article-deck}, {@code div#article_lead}). A reader counts it as the article's first
 * paragraph. Only a long, plain block qualifies: kickers, bylines, dates, share bars and captions in the same
 * place are short, links or media.
 */
final class LedeFinder {
    /** Shorter blocks near the headline are kickers, bylines, dates and labels, not a lede. */
    private static final int MIN_LENGTH = 80;
    /** A longer block above the container is body text the container missed, not a lede: left alone. */
    private static final int MAX_LENGTH = 1000;
    private static final int MAX_BLOCKS = 2;
    private static final double MAX_LINK_DENSITY = 0.3;
    /** Elements looked at after the headline before giving up: the lede is close to it. */
    private static final int MAX_ELEMENTS = 150;
    /** How far above the container headline and body may meet for what lies between them to be the article's. */
    private static final int MAX_LEVELS = 6;
    /** Text next to a caption in its photo wrapper: a credit, a copyright line. */
    private static final int MAX_CREDIT = 100;
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");

    private final ContentView view;
    private final PageText text;

    LedeFinder(ContentView view) {
        this.view = view;
        this.text = view.text();
    }

    /**
     * The lede's paragraphs in page order. When the headline is above the container, what lies between the two;
     * when the container holds the headline, what the body reader does not read (a hidden {@code <header>}, the
     * block around the headline that the widening skipped) between the headline and the first paragraph it
     * does read. {@code skipped}: the container's blocks the body reader skips.
     */
    List<String> find(Element headline, Element container, Set<Element> skipped) {
        List<String> out = new ArrayList<>();
        if (headline == null || container == null || isAncestor(headline, container)) {
            return out;
        }
        boolean inside = isAncestor(container, headline);
        Element scope = inside ? container : commonAncestor(headline, container);
        if (scope == null || levelsAbove(container, scope) > MAX_LEVELS) {
            return out; // headline and body meet only high in the layout: what lies between is not the article's
        }
        boolean[] after = {false};
        int[] seen = {0};
        scope.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == headline) {
                    after[0] = true;
                    return FilterResult.SKIP_CHILDREN;
                }
                if (node == container && !inside) {
                    return FilterResult.STOP; // only what comes before the body
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (!after[0]) {
                    return FilterResult.CONTINUE;
                }
                if (++seen[0] > MAX_ELEMENTS || out.size() == MAX_BLOCKS) {
                    return FilterResult.STOP;
                }
                if (!inside && isAncestor(e, container)) {
                    return FilterResult.CONTINUE;
                }
                if (isMediaOrLink(e) || !visible(e, scope)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (!TextBlocks.isTextBlock(e, text) && !isHeading(e)) {
                    return FilterResult.CONTINUE;
                }
                int len = text.length(e);
                boolean read = inside && view.kept(e) && !isSkipped(e, skipped, scope);
                if (len > MAX_LENGTH || read && len >= MIN_LENGTH) {
                    return FilterResult.STOP; // the body has begun
                }
                if (!read && len >= MIN_LENGTH && text.linkDensity(e) < MAX_LINK_DENSITY && !isCaption(e, len, scope)) {
                    String p = TextCleaner.clean(text.text(e));
                    if (!TextCleaner.isBoilerplate(p) && !Authors.looksLikeByline(p)) {
                        out.add(p);
                    }
                }
                return FilterResult.SKIP_CHILDREN;
            }
        });
        return out;
    }

    private static boolean isSkipped(Element e, Set<Element> skipped, Element scope) {
        for (Element a = e; a != null && a != scope; a = a.parent()) {
            if (skipped.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Kept by the view, or hidden only because it sits in a {@code <header>}: the article's header block, whose
     * kicker, byline and share links the length and link rules already leave out. A header hidden for its
     * class (a {@code site-header} with ad slots) stays hidden.
     */
    private boolean visible(Element e, Element scope) {
        if (view.kept(e)) {
            return true;
        }
        for (Element a = e; a != null && a != scope; a = a.parent()) {
            if (a.normalName().equals("header")) {
                return view.kept(a.parent()) && !ClassHints.negative(a) && noNegativeBetween(e, a);
            }
        }
        return false;
    }

    private static boolean noNegativeBetween(Element e, Element header) {
        for (Element a = e; a != header; a = a.parent()) {
            if (ClassHints.negative(a)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A caption outside a {@code figure}: a wrapper up to two levels up holds a photo and, besides this text,
     * little more than a credit, and no heading (an article header with its lead photo has the headline).
     */
    private boolean isCaption(Element e, int len, Element scope) {
        Element a = e.parent();
        for (int i = 0; i < 2 && a != null && a != scope; i++, a = a.parent()) {
            if (a.selectFirst(Selectors.MEDIA) != null) {
                return text.length(a) < len + MAX_CREDIT && a.selectFirst(HEADINGS) == null;
            }
        }
        return false;
    }

    private static boolean isMediaOrLink(Element e) {
        return switch (e.normalName()) {
            case "a", "figure", "figcaption", "picture", "img", "video", "audio", "nav", "form", "button", "ul", "ol",
                 "table", "time" -> true;
            default -> false;
        };
    }

    private static boolean isHeading(Element e) {
        return switch (e.normalName()) {
            case "h2", "h3", "h4", "h5", "h6" -> true;
            default -> false;
        };
    }

    private static int levelsAbove(Element e, Element ancestor) {
        int n = 0;
        for (Element p = e; p != null && p != ancestor; p = p.parent()) {
            n++;
        }
        return n;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Element commonAncestor(Element a, Element b) {
        for (Element p = a.parent(); p != null; p = p.parent()) {
            if (isAncestor(p, b)) {
                return p;
            }
        }
        return null;
    }
}
