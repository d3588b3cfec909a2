package io.herald.extract;

import io.herald.model.RelatedLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Related-story links: inline teaser blocks met in the body, blocks hinted as related ("related", "see also",
 * "read more", "more on") inside or right after the article container, and JSON-LD {@code relatedLink}.
 * Absolute, de-duplicated, never the article itself.
 */
final class RelatedLinkFinder {

    /** Blocks whose class or id says "related", found on the untouched page. */
    List<Element> hintedBlocks(Document doc) {
        List<Element> out = new ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            if (Hints.related(e) && !e.select("a[href]").isEmpty()
                    && out.stream().noneMatch(b -> e.parents().contains(b))) {
                out.add(e);
            }
        }
        return out;
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
        for (Element block : blocks) {
            List<Element> anchors = block.normalName().equals("a") ? List.of(block) : block.select("a[href]");
            for (Element a : anchors) {
                add(out, LinkExtractor.absolute(a), title(a), self);
            }
        }
        for (String u : jsonLd) {
            add(out, LinkExtractor.clean(resolve(baseUri, u)), null, self);
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, RelatedLink> out, String url, String title, Set<String> self) {
        if (url == null || self.contains(stripSlash(url))) {
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

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String resolve(String base, String u) {
        try {
            return base == null || base.isEmpty() ? u : java.net.URI.create(base).resolve(u.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
