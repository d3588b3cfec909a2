package io.herald.extract;

import java.util.Set;

/**
 * The HTML tags that start a block of their own (a paragraph break when the body is read) rather than
 * running inline with the text around them. Shared by the page's text index, the scorer and the body reader.
 */
final class BlockTags {
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
            "dt", "fieldset", "figure", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tr",
            "td", "th", "ul", "picture", "video", "audio");

    private BlockTags() {
    }

    /** True for a block tag; {@code normalName} is jsoup's lower-cased tag name. */
    static boolean isBlock(String normalName) {
        return BLOCK.contains(normalName);
    }
}
