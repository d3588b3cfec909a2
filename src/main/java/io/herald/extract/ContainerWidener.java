package io.herald.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Widens the scored container to the ancestor that holds the whole body. The score picks the element with
 * the densest run of paragraphs; many bodies are split across sibling blocks (a CMS block per paragraph
 * group, the lede in its own wrapper, text columns around an ad or a photo), so that element holds only a
 * part. Each step up to the parent is taken when what the parent adds to the kept text is mostly prose —
 * paragraphs, list items, sub-heads, quotes that are not link lists — and not furniture (teasers, link
 * lists, forms), which the boilerplate filter has not already hidden.
 */
final class ContainerWidener {
    private static final int MIN_PROSE_BLOCK = 25;
    private static final double MAX_PROSE_LINK_DENSITY = 0.5;
    /** Share of the added kept text that must be prose for a step up. */
    private static final double PROSE_SHARE = 0.7;
    private static final int MAX_STEPS = 6;
    /** Below this share of the page's paragraphs, the widening goes on past furniture. */
    private static final double SMALL_SHARE = 0.6;
    /**
     * A headline block up to this long (headline, standfirst, byline) is skipped; a longer one holds body
     * text too (the lede and first paragraphs under the headline), and is read.
     */
    private static final int MAX_HEADLINE_BLOCK = 250;
    /** Share of a sibling's kept text that must be prose for it to be read with the body. */
    private static final double MIN_SIBLING_PROSE = 0.5;
    private static final Set<String> PROSE_TAGS = Set.of("li", "dd", "dt", "figcaption", "th");
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final Set<String> STOP = Set.of("body", "html");

    private final ContentView view;
    private final PageText text;

    ContainerWidener(ContentView view) {
        this.view = view;
        this.text = view.text();
    }

    /** Text lengths of a subtree, as the body extractor will see it. */
    private record Amount(int kept, int prose) {
        Amount plus(Amount o) {
            return new Amount(kept + o.kept, prose + o.prose);
        }
    }

    /**
     * The widened body and the blocks in it that the body reader skips: siblings taken in with the body that
     * are not prose (a date line, an author box, a "see also" heading with nothing under it) and, when the
     * widening took in the headline, the short block around it (headline, standfirst, byline: the page's
     * header, not its body).
     */
    record Widened(Element element, Set<Element> skipped) {
    }

    Widened widen(Element container) {
        Set<Element> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
        if (container == null) {
            return new Widened(null, skipped);
        }
        Element wide = climb(container, skipped);
        Element headline = wide == container ? null : headlineBlock(wide, container);
        if (headline != null) {
            skipped.add(headline);
        }
        return new Widened(wide, skipped);
    }

    private Element headlineBlock(Element wide, Element container) {
        Element h1 = wide.selectFirst("h1");
        if (h1 == null || h1 == container || h1.parents().contains(container)) {
            return null;
        }
        Element block = h1;
        while (block.parent() != wide && !isAncestor(block.parent(), container)) {
            block = block.parent();
        }
        return text.length(block) <= MAX_HEADLINE_BLOCK ? block : null;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private Element climb(Element container, Set<Element> skipped) {
        Element current = container;
        for (int step = 0; step < MAX_STEPS; step++) {
            Element parent = current.parent();
            if (parent == null || STOP.contains(parent.normalName()) || !view.kept(parent)) {
                break;
            }
            // each sibling's amount once per step, for the decision and for the skipping: a sibling subtree
            // is walked once in the whole widening (it is never a sibling again one level up)
            Elements children = parent.children();
            Amount[] amounts = new Amount[children.size()];
            boolean inLink = parent.closest(Selectors.A) != null; // the siblings' ancestors are the parent's
            Amount added = new Amount(ownText(parent), 0);
            for (int i = 0; i < amounts.length; i++) {
                Element sibling = children.get(i);
                if (sibling != current) {
                    amounts[i] = amount(sibling, inLink);
                    added = added.plus(amounts[i]);
                }
            }
            if (added.kept() > 0 && added.prose() < PROSE_SHARE * added.kept() && !smallShare(current)) {
                break;
            }
            skipNonProse(children, amounts, skipped);
            current = parent;
        }
        return current;
    }

    /**
     * Marks the siblings of the body part that are not mostly prose. A sub-head is kept when prose follows
     * it; a block with no text (a photo) is left to the body reader's media rules. {@code amounts} holds each
     * child's amount, null for the body part.
     */
    private static void skipNonProse(Elements children, Amount[] amounts, Set<Element> skipped) {
        boolean proseAfter = false;
        for (int i = children.size() - 1; i >= 0; i--) {
            Element c = children.get(i);
            Amount a = amounts[i];
            if (a == null) {
                proseAfter = true;
                continue;
            }
            boolean prose = a.prose() > 0 && a.prose() >= MIN_SIBLING_PROSE * a.kept();
            boolean subhead = HEADINGS.contains(c.normalName()) && proseAfter;
            if (a.kept() > 0 && !prose && !subhead) {
                skipped.add(c);
            }
            if (a.kept() > 0) {
                proseAfter = prose;
            }
        }
    }

    /**
     * True when the element holds a small share of the page's paragraphs: the body is spread over blocks
     * that the score did not join (page-builder sections), so the widening goes on past furniture, whose
     * non-prose parts are skipped anyway.
     */
    private boolean smallShare(Element e) {
        Element body = e.ownerDocument() == null ? null : e.ownerDocument().body();
        int all = body == null ? 0 : text.documentProse(body);
        return all > 0 && text.proseLength(e) < SMALL_SHARE * all;
    }

    /** {@code inLink}: the element is inside a link (a teaser card), where nothing is prose. */
    private Amount amount(Element e, boolean inLink) {
        if (!view.kept(e)) {
            return new Amount(0, 0);
        }
        int len = text.length(e);
        if (len == 0) {
            return new Amount(0, 0);
        }
        boolean linked = inLink || e.normalName().equals("a");
        if (!linked && isProse(e, len)) {
            return new Amount(len, len);
        }
        Amount sum = new Amount(ownText(e), 0);
        for (Element c : e.children()) {
            sum = sum.plus(amount(c, linked));
        }
        return sum;
    }

    private boolean isProse(Element e, int len) {
        boolean block = PROSE_TAGS.contains(e.normalName())
                ? len > 0 : len >= MIN_PROSE_BLOCK && TextBlocks.isTextBlock(e, text);
        return block && text.linkDensity(e) < MAX_PROSE_LINK_DENSITY;
    }

    /** Text directly in the element, outside its child elements (a run of {@code <br>} lines, say). */
    private static int ownText(Element e) {
        int n = 0;
        for (org.jsoup.nodes.TextNode t : e.textNodes()) {
            n += t.text().trim().length();
        }
        return n;
    }
}
