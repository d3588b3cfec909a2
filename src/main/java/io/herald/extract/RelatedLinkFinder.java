package io.herald.extract;

import io.herald.model.RelatedLink;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Related-story links: inline teaser blocks met in the body, blocks hinted as related ("related", "see also",
 * "read more", "more on") inside or right after the article container, and JSON-LD {@code relatedLink}.
 * Absolute, de-duplicated, never the article itself.
 */
final class RelatedLinkFinder {

    /**
     * Blocks under a heading such as "Related", "Read next", "Leggi anche" or "Читайте также": the wording is
     * the same whatever the markup, in the languages we see most.
     */
    private static final Pattern RELATED_HEADING = Pattern.compile("(?iu)^(?:related(?: stories| articles| coverage| content| news| links| posts| videos| reading)?"
            + "|read (?:next|more|also)|also read|(?:more )?on this (?:topic|story)|more on this|see also|more from .{1,30}|recommended"
            + "|leggi anche|lire aussi|à lire aussi|mehr zum thema|lesen sie auch|weitere artikel|читайте также"
            + "|по теме|関連(?:ニュース|記事)|相关(?:新闻|阅读|文章)|veja também|leia também|lee también|te puede interesar"
            + "|noticias relacionadas)\\W*$");
    private static final int MAX_HEADING = 40;
    /** How far above the container a related block may branch off: the container's wrapper and its wrapper. */
    private static final int NEAR_LEVELS = 3;
    /** A query value with a long run of digits: a story's id, not a page number or a section's code. */
    private static final Pattern QUERY_ID = Pattern.compile("[?&][^=&]+=[^&]*\\d{5,}");
    /** A path that names a script ({@code /index.php}), not a site's root or a directory with a query. */
    private static final Pattern SCRIPT = Pattern.compile("//[^/]+/(?:[^/]+/)*[^/.]+\\.\\w+$");

    /**
     * Blocks whose class or id says "related", or whose heading does, found on the untouched page. The heading is
     * the block's first child, or the element just before it: {@code <b>See also:</b><br><ul>…</ul>}, where the
     * list is the block, and {@code <strong>Related Articles</strong><br><a>…</a><br>teaser<br><a>…</a>}, where
     * the links up to the next block or heading are.
     */
    List<Element> hintedBlocks(Document doc, PageText text) {
        List<Element> out = new ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            if (text.hrefLinks(e) == 0) {
                continue; // most elements: nothing to find, and the count is free
            }
            boolean hinted = ClassHints.related(e) || relatedHeading(e, text);
            if ((hinted || headingBefore(e, text)) && out.stream().noneMatch(b -> b == e || e.parents().contains(b))) {
                out.addAll(hinted || BlockTags.isBlock(e.normalName()) ? List.of(e) : inlineRun(e));
            }
        }
        return out;
    }

    /** The element just before {@code e}, line breaks aside, is a related-stories heading. */
    private static boolean headingBefore(Element e, PageText text) {
        Element prev = e.previousElementSibling();
        while (prev != null && prev.normalName().equals("br")) {
            prev = prev.previousElementSibling();
        }
        return prev != null && isRelatedHeading(prev, text);
    }

    /**
     * {@code first} and its following siblings up to the next block or bold heading: the links of a list written
     * as inline links between line breaks.
     */
    private static List<Element> inlineRun(Element first) {
        List<Element> out = new ArrayList<>();
        for (Element x = first; x != null; x = x.nextElementSibling()) {
            String tag = x.normalName();
            if (x != first && (BlockTags.isBlock(tag) || tag.equals("b") || tag.equals("strong"))) {
                break;
            }
            if (!tag.equals("br")) {
                out.add(x);
            }
        }
        return out;
    }

    /** The element's first child is a short heading that announces related stories. */
    static boolean relatedHeading(Element e, PageText text) {
        Element first = e.firstElementChild();
        return first != null && isRelatedHeading(first, text);
    }

    /** A short element without links whose text announces related stories. */
    private static boolean isRelatedHeading(Element h, PageText text) {
        if (text.hrefLinks(h) > 0 || text.length(h) > 2 * MAX_HEADING) {
            return false; // the length first: cheap, and spares normalising a long block's text
        }
        String t = TextCleaner.normalize(text.text(h));
        return !t.isEmpty() && t.length() <= MAX_HEADING && RELATED_HEADING.matcher(t).matches();
    }

    /**
     * The hinted blocks that sit inside the container or after it, next to it or to its parent; and, before or
     * after it, those that share an ancestor with it at most {@link #NEAR_LEVELS} levels up, below {@code body}:
     * the "see also" box of a story column (a sibling of the article's wrapper, or of the wrapper's wrapper) is
     * the story's, whether the template puts it before or after the text.
     */
    List<Element> nearContainer(List<Element> hinted, Element container) {
        if (container == null) {
            return List.of();
        }
        List<Element> out = new ArrayList<>();
        Element parent = container.parent();
        for (Element b : hinted) {
            boolean near = sharesColumn(b, container);
            for (Element x = b; x != null && !near; x = x.parent()) {
                near = x == container || followingSibling(container, x)
                        || (parent != null && followingSibling(parent, x));
            }
            if (near) {
                out.add(b);
            }
        }
        return out;
    }

    /** The lowest common ancestor of the two is at most {@link #NEAR_LEVELS} above the container, and not body. */
    private static boolean sharesColumn(Element block, Element container) {
        Element a = container.parent();
        for (int level = 1; level <= NEAR_LEVELS && a != null; level++, a = a.parent()) {
            if (a.normalName().equals("body") || a.normalName().equals("html")) {
                return false;
            }
            Element ancestor = a;
            if (block.parents().contains(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean followingSibling(Element ref, Element x) {
        Element p = ref.parent();
        return p != null && x.parent() == p && x.elementSiblingIndex() > ref.elementSiblingIndex();
    }

    List<RelatedLink> links(List<Element> blocks, List<String> jsonLd, String baseUri, Set<String> self) {
        Map<String, RelatedLink> out = new LinkedHashMap<>();
        String site = site(baseUri);
        for (Element block : blocks) {
            List<Element> anchors = block.normalName().equals("a") ? List.of(block) : block.select(Selectors.A_HREF);
            String origin = LinkExtractor.origin(block.baseUri()); // the page's (or its <base>'s), as absUrl uses
            for (Element a : anchors) {
                add(out, LinkExtractor.absolute(a, origin), title(a), self, site);
            }
        }
        for (String u : jsonLd) {
            add(out, LinkExtractor.clean(resolve(baseUri, u)), null, self, site);
        }
        return List.copyOf(out.values());
    }

    /**
     * Keeps a link that can be a related story: not the page itself, not shaped like a section or service
     * page ({@code /trust-principles/}, {@code /newsletters}), and, when it leaves the site, shaped like an
     * article: a partner site's story is related, a DOI or a shop link is a reference.
     */
    private static void add(Map<String, RelatedLink> out, String url, String title, Set<String> self, String site) {
        UrlShape shape = url == null ? UrlShape.UNKNOWN : shape(url);
        if (url == null || self.contains(stripSlash(url)) || shape == UrlShape.SECTION
                || (site != null && !site.equals(site(url)) && shape != UrlShape.ARTICLE)
                || (title != null && LinkTitles.notAStory(title)) || LinkTitles.notAStoryUrl(url)) {
            return;
        }
        RelatedLink prev = out.get(url);
        if (prev == null || (prev.title() == null && title != null)) {
            out.put(url, new RelatedLink(url, title));
        }
    }

    /**
     * The URL's shape, except that a script page named like a front page and given a long id in its query
     * ({@code /index.php?fSectionId=1016&fArticleId=nw20071230160946333C523620}) is an article's, as old CMSs
     * serve every story that way. A root or directory with an id in its query ({@code /?w=10486}, a map's
     * {@code /?cbll=37.726948}) stays what it was.
     */
    private static UrlShape shape(String url) {
        UrlShape shape = UrlShape.of(url);
        int q = url.indexOf('?');
        return shape == UrlShape.SECTION && q >= 0 && SCRIPT.matcher(url.substring(0, q)).find()
                && QUERY_ID.matcher(url).find(q) ? UrlShape.ARTICLE : shape;
    }

    private static String title(Element a) {
        String t = TextCleaner.normalize(a.text());
        if (t.isEmpty()) {
            t = TextCleaner.normalize(a.attr("title"));
        }
        return t.isEmpty() ? null : t;
    }

    /** The last two labels of the host ({@code www.news.example} → {@code news.example}), or null. */
    static String site(String url) {
        try {
            String host = url == null ? null : URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
            return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String resolve(String base, String u) {
        try {
            return base == null || base.isEmpty() ? u : URI.create(base).resolve(u.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
