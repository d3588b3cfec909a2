package io.herald.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What counts as one block of writing: a paragraph, or a div/section/span used as one. The content scorer
 * scores these blocks, and the boilerplate filter counts them to tell an article wrapper from furniture; the
 * rule lives here so that both read the page the same way.
 */
final class TextBlocks {
    private static final double MAX_LINK_DENSITY = 0.5;

    private TextBlocks() {
    }

    /**
     * A paragraph, or a div/section used as one, as Readability converts: only inline children, some text,
     * mostly not link text, and not itself inside a link (a teaser headline is link text, not writing). A
     * span counts when it holds its own text outside such a block, so that the same words are not scored
     * twice.
     */
    static boolean isTextBlock(Element e, PageText text) {
        switch (e.normalName()) {
            case "p", "pre", "td", "blockquote":
                return true;
            case "div", "section":
                return inlineOnly(e) && e.closest(Selectors.A) == null && text.linkDensity(e) < MAX_LINK_DENSITY
                        && !text.blank(e);
            case "span":
                return hasOwnText(e) && inlineOnly(e) && (e.parent() == null || !isTextBlock(e.parent(), text));
            default:
                return false;
        }
    }

    /** True when the element has a non-blank text node of its own (not only inside its children). */
    static boolean hasOwnText(Element e) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inlineOnly(Element e) {
        return e.children().stream().noneMatch(c -> BlockTags.isBlock(c.normalName()));
    }
}
