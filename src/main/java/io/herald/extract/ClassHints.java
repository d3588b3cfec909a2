package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id attributes say it is: article (positive), boilerplate (negative, strong or
 * weak), related stories, a pull quote. It reads the attributes only, never the element's content.
 * Matching is by whole tokens ({@code article__body} is {@code article} + {@code body}), so {@code shadow}
 * does not look like an ad and {@code thread} not like a header.
 */
final class ClassHints {
    private static final Set<String> POSITIVE = Set.of("article", "body", "content", "story", "text", "post",
            "entry", "main", "blog", "hentry", "prose", "news");
    private static final Set<String> NEGATIVE_EXACT = Set.of("ad", "ads", "adv", "adbox", "adslot", "adunit",
            "dfp", "gpt", "tags", "topics", "nav", "menu", "masthead", "outbrain", "taboola", "disqus",
            "modal", "popup", "signup", "toolbar", "print", "rss", "more", "meta",
            // embeds and furniture that sit inside article bodies
            "tweet", "instagram", "tiktok", "video", "player", "embed", "pullquote", "author", "disclaimer",
            "bio", "biography", "contributor",
            "barrier", "regwall", "anzeige", "werbung");
    private static final List<String> NEGATIVE_PREFIX = List.of("advert", "related", "share", "sharing",
            "social", "comment", "subscri", "newsletter", "promo", "banner", "cookie", "footer", "breadcrumb",
            "caption", "credit", "copyright", "widget", "sidebar", "popular", "recommend", "sponsor", "trending",
            "follow", "author-bio", "paywall", "login", "register", "donate", "byline", "affiliate");
    private static final Set<String> NOT_NEGATIVE = Set.of("commentary", "commentaries", "promotional", "shared",
            "shareholder", "shareholders");
    /**
     * ClassHints that name where a block sits or what the page builder calls it rather than what it holds: a
     * layout wrapper {@code panel-two-col-sidebar-right}, Elementor's {@code elementor-widget-wrap} around
     * every text block, Blogger's {@code widget Blog} around the posts, a {@code social-anchor} on the main
     * column. With only these, an element that holds the page's prose is kept.
     */
    private static final List<String> WEAK_PREFIX = List.of("sidebar", "widget", "social", "share", "sharing",
            "more", "meta", "print", "nav", "menu");
    private static final List<String> FEED_PREFIX = List.of("comment", "related", "recommend", "popular",
            "trending", "disqus", "outbrain", "taboola", "newsletter", "subscri", "cookie", "footer", "paywall",
            "regwall", "barrier", "login", "register", "reply", "forum");
    /** A pull quote repeats a sentence of the body; {@code pull} alone is Bootstrap's {@code pull-left}. */
    private static final Pattern PULL_QUOTE = Pattern.compile("pull[-_]?quote");
    private static final Pattern RELATED = Pattern.compile(
            "related|see-?also|read-?also|also-?read|read-?more|more-?on|more-?from|inline-?link|also");

    /**
     * Feeds the retry without class hints still hides (see {@link BoilerplateFilter#LENIENT}): other people's
     * comments and other pages' teasers, which outweigh a short post when the hints no longer hide them.
     */
    private static final List<String> LENIENT_FEED_PREFIX = List.of("comment", "disqus", "reply", "respond",
            "related", "recommend", "popular", "trending", "outbrain", "taboola", "trackback");
    /**
     * WordPress and Typepad post classes that name the post's author ({@code author-admin},
     * {@code entry-author-clyde_smith}): an attribute of the post, not an author box, whose names end in a
     * part such as {@code -bio}, {@code -box} or {@code -name}.
     */
    private static final Pattern POST_AUTHOR = Pattern.compile("(?<![a-z0-9-])(?:entry-)?author-(?!bio|box|info|card"
            + "|profile|about|details|avatar|desc|name|link|meta|wrap|block|data|image|photo|pic|title|byline)"
            + "[a-z0-9_]+(?![a-z0-9_-])");
    /** Whole class names that hide an element (Bootstrap, common CSS resets). */
    private static final Set<String> HIDING = Set.of("hidden", "hide", "d-none", "is-hidden");

    private ClassHints() {
    }

    static String raw(Element e) {
        if (e.attributesSize() == 0) {
            return ""; // most elements: no class, no id, nothing to build
        }
        String raw = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).trim();
        return raw.contains("author-") ? POST_AUTHOR.matcher(raw).replaceAll(" ") : raw;
    }

    /**
     * True when a whole class name hides the element ({@code hidden}, {@code d-none}) and no other class shows
     * it again at some screen size ({@code hidden md:block}, {@code d-none d-lg-flex}).
     */
    static boolean hiddenByClass(Element e) {
        if (!e.hasAttr("class")) {
            return false;
        }
        String cls = e.className();
        if (cls.indexOf("hid") < 0 && cls.indexOf("none") < 0) {
            return false; // nearly every class attribute: no set of names built for it
        }
        boolean hidden = false;
        for (String c : e.classNames()) {
            String name = c.toLowerCase(Locale.ROOT);
            if (HIDING.contains(name)) {
                hidden = true;
            } else if (name.indexOf(':') >= 0 || name.startsWith("d-") || name.contains("visible") || name.contains("show")) {
                return false;
            }
        }
        return hidden;
    }

    /** Class or id names comments or recommended stories (see {@link #LENIENT_FEED_PREFIX}). */
    static boolean commentsOrTeasers(Element e) {
        for (String t : tokens(e)) {
            if (!NOT_NEGATIVE.contains(t) && LENIENT_FEED_PREFIX.stream().anyMatch(t::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** The runs of {@code [a-z0-9]} in {@link #raw}; a loop, not {@code SPLIT.split}: it runs for most elements. */
    static List<String> tokens(Element e) {
        String raw = raw(e);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(raw.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    static boolean positive(Element e) {
        return tokens(e).stream().anyMatch(POSITIVE::contains);
    }

    static boolean negative(Element e) {
        if (pullQuote(e)) {
            return true;
        }
        for (String t : tokens(e)) {
            if (NOT_NEGATIVE.contains(t)) {
                continue;
            }
            if (NEGATIVE_EXACT.contains(t) || NEGATIVE_PREFIX.stream().anyMatch(t::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the element has a negative hint and every negative hint it has is a weak one (see
     * {@link #WEAK_PREFIX}); tokens are checked once each, the strong lists first.
     */
    static boolean onlyWeakNegative(Element e) {
        if (pullQuote(e)) {
            return false;
        }
        boolean weak = false;
        for (String t : tokens(e)) {
            if (NOT_NEGATIVE.contains(t) || !(NEGATIVE_EXACT.contains(t) || NEGATIVE_PREFIX.stream().anyMatch(t::startsWith))) {
                continue;
            }
            if (WEAK_PREFIX.stream().noneMatch(t::startsWith)) {
                return false;
            }
            weak = true;
        }
        return weak;
    }

    /**
     * Class or id names a feed of other people's or other pages' text: comments, related or recommended
     * stories, a newsletter box, a paywall. These can hold more writing than the article.
     */
    static boolean feed(Element e) {
        for (String t : tokens(e)) {
            if (!NOT_NEGATIVE.contains(t) && FEED_PREFIX.stream().anyMatch(t::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static boolean pullQuote(Element e) {
        String raw = raw(e);
        return !raw.isEmpty() && raw.contains("pull") && PULL_QUOTE.matcher(raw).find();
    }

    /** Class or id says "related stories" (or "see also", "read more", "more on ..."). */
    static boolean related(Element e) {
        String raw = raw(e);
        return !raw.isEmpty() && RELATED.matcher(raw).find();
    }

    static boolean hasToken(Element e, Set<String> wanted) {
        return tokens(e).stream().anyMatch(wanted::contains);
    }

    /** Weight used by the content scorer: +25 for a positive, -25 for a negative hint. */
    static int weight(Element e) {
        int w = 0;
        if (positive(e)) {
            w += 25;
        }
        if (negative(e)) {
            w -= 25;
        }
        return w;
    }
}
