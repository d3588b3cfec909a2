package io.herald.extract;

import io.herald.config.SiteRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Applies a {@link SiteRule}'s selectors. Each method returns empty (never throws) when its selector is
 * absent, invalid or matches nothing, so the caller falls back to the generic path and flags the miss.
 */
final class SiteRuleApplier {
    private final List<SiteRule> rules;

    SiteRuleApplier(List<SiteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The first rule covering the URL's host, or null. */
    SiteRule find(String url) {
        String host = host(url);
        if (host == null) {
            return null;
        }
        for (SiteRule r : rules) {
            if (r.appliesTo(host)) {
                return r;
            }
        }
        return null;
    }

    static void exclude(Document doc, SiteRule rule) {
        for (String css : rule.exclude()) {
            select(doc, css).remove();
        }
    }

    static String title(Document doc, SiteRule rule) {
        Elements els = select(doc, rule.title());
        String t = els.isEmpty() ? "" : TextCleaner.normalize(els.first().text());
        return t.isEmpty() ? null : t;
    }

    static List<Element> elements(Document doc, String css) {
        return new ArrayList<>(select(doc, css));
    }

    /** The raw date of the first matching element: its datetime, content, or text. */
    static String date(Document doc, SiteRule rule) {
        Elements els = select(doc, rule.date());
        if (els.isEmpty()) {
            return null;
        }
        Element e = els.first();
        return e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
    }

    static List<String> authors(Document doc, SiteRule rule) {
        List<String> out = new ArrayList<>();
        for (Element e : select(doc, rule.author())) {
            out.addAll(Authors.split(e.hasAttr("content") ? e.attr("content") : e.text()));
        }
        return MetadataResolver.dedupe(out, s -> s);
    }

    private static Elements select(Document doc, String css) {
        if (css == null || css.isBlank()) {
            return new Elements();
        }
        try {
            return doc.select(css);
        } catch (Selector.SelectorParseException badSelector) {
            return new Elements();
        }
    }

    static String host(String url) {
        try {
            String h = url == null ? null : URI.create(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
