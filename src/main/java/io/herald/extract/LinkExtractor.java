package io.herald.extract;

import io.herald.model.DiscoveredLink;
import io.herald.model.RelatedLink;
import io.herald.model.Via;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every link of a page for the crawler: absolute http(s) URLs without fragment, related-story links
 * first as {@link Via#RELATED}, then all other anchors in document order as {@link Via#LINK};
 * de-duplicated, the first occurrence (so RELATED) winning. Scope and nofollow are the frontier's call.
 */
final class LinkExtractor {
    private static final int MAX_URL = 2048;

    /** Every anchor URL of the page, in document order, read before anything else touches the tree. */
    List<String> all(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element a : doc.select(Selectors.LINKS)) {
            String u = absolute(a);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    List<DiscoveredLink> merge(List<RelatedLink> related, List<String> all) {
        Map<String, DiscoveredLink> out = new LinkedHashMap<>();
        for (RelatedLink r : related) {
            out.putIfAbsent(r.url(), new DiscoveredLink(r.url(), Via.RELATED));
        }
        for (String u : all) {
            out.putIfAbsent(u, new DiscoveredLink(u, Via.LINK));
        }
        return List.copyOf(out.values());
    }

    /** The anchor's absolute http(s) URL without fragment, or null (mailto:, javascript:, tel:, junk). */
    static String absolute(Element a) {
        String href = a.attr("href").strip();
        if (href.isEmpty() || href.startsWith("#")) {
            return null;
        }
        if (isPlainAbsolute(href)) {
            return clean(href); // already absolute: resolving it against the base would change nothing
        }
        return clean(a.absUrl("href"));
    }

    /** An http(s) URL with a host and nothing that resolution could rewrite (spaces, backslashes, controls). */
    private static boolean isPlainAbsolute(String href) {
        if (!href.startsWith("http://") && !href.startsWith("https://")) { // lower case only: resolution lower-cases the scheme
            return false;
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c <= ' ' || c == '\\' || c >= 0x7F) {
                return false;
            }
        }
        return href.indexOf("/./") < 0 && href.indexOf("/../") < 0 && !href.endsWith("/.") && !href.endsWith("/..");
    }

    static String clean(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        int hash = url.indexOf('#');
        String u = hash >= 0 ? url.substring(0, hash) : url;
        return u.chars().anyMatch(c -> c <= ' ') ? null : u;
    }
}
