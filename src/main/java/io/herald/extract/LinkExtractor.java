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
        String origin = origin(doc.baseUri());
        for (Element a : doc.select(Selectors.LINKS)) {
            String u = absolute(a, origin);
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
        return absolute(a, null);
    }

    /**
     * As {@link #absolute(Element)}, with the origin ({@code scheme://authority}) of the page's base URL when
     * known, so that the common root-relative {@code /path} link is resolved without parsing the base again.
     */
    static String absolute(Element a, String origin) {
        String href = a.attr("href").strip();
        if (href.isEmpty() || href.startsWith("#")) {
            return null;
        }
        if (isPlainAbsolute(href)) {
            return clean(href); // already absolute: resolving it against the base would change nothing
        }
        if (origin != null && href.startsWith("/") && !href.startsWith("//") && isPlain(href)) {
            return clean(origin + href);
        }
        return clean(a.absUrl("href"));
    }

    /** {@code scheme://authority} of an http(s) base URL in lower-case scheme and no userinfo, or null. */
    static String origin(String base) {
        if (base == null || !(base.startsWith("http://") || base.startsWith("https://"))) {
            return null;
        }
        int start = base.indexOf("//") + 2;
        int end = start;
        while (end < base.length() && "/?#".indexOf(base.charAt(end)) < 0) {
            end++;
        }
        String authority = base.substring(start, end);
        return authority.isEmpty() || authority.indexOf('@') >= 0 || !isPlain(authority) ? null
                : base.substring(0, end);
    }

    /** An http(s) URL with a host and nothing that resolution could rewrite (spaces, backslashes, controls). */
    private static boolean isPlainAbsolute(String href) {
        // lower case only: resolution lower-cases the scheme
        return (href.startsWith("http://") || href.startsWith("https://")) && isPlain(href);
    }

    /** No character or dot segment that URL resolution would rewrite. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '\\' || c >= 0x7F) {
                return false;
            }
        }
        return s.indexOf("/./") < 0 && s.indexOf("/../") < 0 && !s.endsWith("/.") && !s.endsWith("/..");
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
