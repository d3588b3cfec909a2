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
    private static final Pattern RELATED_HEADING = Pattern.compile("(?iu)^(?:related(?: stories| articles| coverage| content| news)?"
            + "|read (?:next|more|also)|also read|more on this(?: topic| story)?|see also|more from .{1,30}|recommended"
            + "|leggi anche|lire aussi|à lire aussi|mehr zum thema|lesen sie auch|weitere artikel|читайте также"
            + "|по теме|関連(?:ニュース|記事)|相关(?:新闻|阅读|文章)|veja também|leia também|lee también|te puede interesar"
            + "|noticias relacionadas)\\W*$");
    private static final int MAX_HEADING = 40;

    /** Blocks whose class or id says "related", or whose heading does, found on the untouched page. */
    List<Element> hintedBlocks(Document doc, PageText text) {
        List<Element> out = new ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            if (text.hrefLinks(e) > 0 && (ClassHints.related(e) || relatedHeading(e, text))
                    && out.stream().noneMatch(b -> e.parents().contains(b))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The element's first child is a short heading that announces related stories. */
    static boolean relatedHeading(Element e, PageText text) {
        Element first = e.firstElementChild();
        if (first == null || text.hrefLinks(first) > 0) {
            return false;
        }
        String t = TextCleaner.normalize(text.text(first));
        return !t.isEmpty() && t.length() <= MAX_HEADING && RELATED_HEADING.matcher(t).matches();
    }

    /** The hinted blocks that sit inside the container or after it, next to it or to its parent. */
    List<Element> nearContainer(List<Element> hinted, Element container) {
        if (container == null) {
            return List.of();
        }
        List<Element> out = new ArrayList<>();
        Element parent = container.parent();
        for (Element b : hinted) {
            boolean near = false;
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
        UrlShape shape = url == null ? UrlShape.UNKNOWN : UrlShape.of(url);
        if (url == null || self.contains(stripSlash(url)) || shape == UrlShape.SECTION
                || (site != null && !site.equals(site(url)) && shape != UrlShape.ARTICLE)) {
            return;
        }
        RelatedLink prev = out.get(url);
        if (prev == null || (prev.title() == null && title != null)) {
            out.put(url, new RelatedLink(url, title));
        }
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
