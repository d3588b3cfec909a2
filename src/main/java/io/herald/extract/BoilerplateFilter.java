package io.herald.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Decides which subtrees are not article content: non-content tags, and elements whose class or id hints
 * at boilerplate. A weak hint does not remove a container that carries the article: an element with a
 * positive hint (or a {@code form}/{@code main}, which some CMSs wrap around the whole page) that holds
 * several long paragraphs is kept. ClassHints that only name a layout slot ({@code sidebar}, {@code widget},
 * {@code share}, see {@link ClassHints#onlyWeakNegative}) do not need the positive hint: holding the prose is enough.
 */
final class BoilerplateFilter {
    private static final Set<String> ALWAYS = Set.of("script", "style", "noscript", "iframe", "template",
            "svg", "canvas", "button", "select", "input", "textarea", "object", "embed", "nav", "head", "link",
            "meta", "dialog", "menu");
    private static final Set<String> STRUCTURAL = Set.of("header", "footer", "aside", "form");
    private static final Set<String> NEVER = Set.of("html", "body");
    private static final int RICH_PARAGRAPHS = 2;
    private static final int LONG_PARAGRAPH = 120;
    private static final int PROSE_LENGTH = 600;
    private static final double PROSE_LINK_DENSITY = 0.25;
    private static final double PAGE_TEXT_SHARE = 0.2;
    private static final double PAGE_PROSE_SHARE = 0.6;
    private static final double PAGE_LINK_DENSITY = 0.8;
    private static final double MOST_TEXT = 0.5;

    /** The filter of the first pass: class and id hints hide what they name. */
    static final BoilerplateFilter STRICT = new BoilerplateFilter(true);
    /**
     * The filter of the retry when the first pass found too little text (Readability's second pass without
     * "strip unlikely candidates"): only what cannot be content (non-content tags, hidden elements, header,
     * footer and aside without an article in them) and comment or teaser feeds are hidden, which would outweigh
     * a short post; class and id hints still weigh in the scoring,
     * so a comment feed loses to the article, but they no longer hide a subtree. A CMS's class names often say
     * where a block sits or what may be inserted in it ({@code above-footer}, {@code Section--Ads},
     * {@code register}), not what it is.
     */
    static final BoilerplateFilter LENIENT = new BoilerplateFilter(false);

    private final boolean classHints;

    private BoilerplateFilter(boolean classHints) {
        this.classHints = classHints;
    }

    boolean isBoilerplate(Element e, PageText text) {
        String tag = e.normalName();
        if (NEVER.contains(tag)) {
            return false;
        }
        if (ALWAYS.contains(tag) || e.hasAttr("hidden") || hiddenByStyle(e)
                || "true".equals(e.attr("aria-hidden")) || classHints && ClassHints.hiddenByClass(e)) {
            return true;
        }
        if (STRUCTURAL.contains(tag)) {
            return switch (tag) {
                // an ASP.NET form or an article's <header> can wrap the whole story, written in <br> runs
                case "form", "header" -> !(carriesArticle(e, text) || holdsMostText(e, text));
                // a sidebar carries long paragraphs too (a live feed); only the page's main writing is kept
                case "aside" -> !wrapsPage(e, text);
                default -> !carriesArticle(e, text);
            };
        }
        if (classHints && ClassHints.negative(e)) {
            if (wrapsPage(e, text)) {
                return false;
            }
            if (ClassHints.onlyWeakNegative(e)) {
                return !(carriesArticle(e, text) || holdsProse(e, text));
            }
            return !(ClassHints.positive(e) && carriesArticle(e, text));
        }
        return !classHints && ClassHints.commentsOrTeasers(e) && !wrapsPage(e, text);
    }

    /** True when the element holds at least half of the page's text, mostly not links. */
    private static boolean holdsMostText(Element e, PageText text) {
        Element body = e.ownerDocument() == null ? null : e.ownerDocument().body();
        return body != null && text.length(e) >= MOST_TEXT * text.length(body)
                && text.linkDensity(e) < PAGE_LINK_DENSITY;
    }

    /**
     * True for a wrapper around most of the page's writing: {@code div#top.page-banner}, a layout slot
     * {@code below-banner-with-sidebar}, an ad take-over around the whole layout, {@code single-promotion} on a
     * sponsored article. A class names what a block is; when the block holds most of the page's paragraphs,
     * it is the layout or the article, and its parts are judged one by one. Feeds (comments, related,
     * recommended, newsletter) never pass: comments can be longer than the article.
     */
    private static boolean wrapsPage(Element e, PageText text) {
        Element body = e.ownerDocument() == null ? null : e.ownerDocument().body();
        if (body == null || ClassHints.feed(e) || text.length(e) < PAGE_TEXT_SHARE * text.length(body)
                || text.linkDensity(e) >= PAGE_LINK_DENSITY) {
            return false;
        }
        int prose = text.documentProse(body);
        return prose > 0 && text.proseLength(e) >= PAGE_PROSE_SHARE * prose;
    }

    private static boolean hiddenByStyle(Element e) {
        String style = e.attr("style");
        return !style.isEmpty() && style.replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
    }

    /**
     * True when the element holds a run of writing that is mostly not links, however it is split into
     * paragraphs: a Blogger post is {@code <br>}-separated text in one div, which {@link #carriesArticle}
     * does not count. Sidebars and menus are lists of links or short blurbs.
     */
    private static boolean holdsProse(Element e, PageText text) {
        return text.length(e) >= PROSE_LENGTH && text.linkDensity(e) < PROSE_LINK_DENSITY;
    }

    /**
     * True when the element holds several long paragraphs, i.e. it may be the article itself. Paragraphs
     * built from divs count too: an ASP.NET-style page-wide form around a div-built article must survive.
     */
    static boolean carriesArticle(Element e, PageText text) {
        int rich = 0;
        for (Element p : e.getAllElements()) {
            if (text.length(p) >= LONG_PARAGRAPH && isParagraph(p, text) && ++rich >= RICH_PARAGRAPHS) {
                return true;
            }
        }
        return false;
    }

    private static boolean isParagraph(Element e, PageText text) {
        String tag = e.normalName();
        return tag.equals("p") || ((tag.equals("div") || tag.equals("section")) && TextBlocks.isTextBlock(e, text));
    }
}
