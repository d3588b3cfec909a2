package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the visible page says about itself, the last resort after JSON-LD and meta tags: the headline,
 * {@code <title>}, dates ({@code <time datetime>}, microdata, hAtom {@code .published}, date-classed
 * elements, a date line under the headline), bylines, {@code <html lang>} and the canonical link.
 */
record PageHints(String headline, String title, List<String> times, List<String> bylines, String lang,
                 String canonical) {

    private static final int MAX_BYLINE = 100;
    private static final int MAX_DATE_TEXT = 80;

    PageHints {
        times = List.copyOf(times);
        bylines = List.copyOf(bylines);
    }

    static PageHints read(Document doc) {
        Element headline = Headline.find(doc);
        Element canonical = doc.selectFirst(Selectors.CANONICAL);
        HeadlineZone zone = HeadlineZone.read(doc, headline);
        List<String> times = times(doc);
        times.addAll(zone.dates());
        List<String> bylines = bylines(doc);
        if (bylines.isEmpty()) {
            zone.bylines().forEach(b -> bylines.addAll(Authors.split(b)));
        }
        return new PageHints(headline == null ? null : blankToNull(headline.text()), blankToNull(doc.title()),
                times, bylines, blankToNull(doc.select("html").attr("lang")),
                canonical == null ? null : blankToNull(canonical.absUrl("href")));
    }

    private static List<String> times(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element t : doc.select(Selectors.PUBLISHED)) {
            String v = t.hasAttr("datetime") ? t.attr("datetime") : t.hasAttr("content") ? t.attr("content")
                    : t.hasAttr("title") ? t.attr("title") : t.text();
            if (!v.isBlank()) {
                out.add(v.strip());
            }
        }
        for (Element t : doc.select(Selectors.DATED)) {
            String text = t.text();
            if (!text.isBlank() && text.length() <= MAX_DATE_TEXT && t.select(Selectors.A_HREF).size() <= 1
                    && !Hints.related(t) && t.closest(Selectors.RELATED_OR_COMMENT) == null) {
                out.add(text.strip());
            }
        }
        return out;
    }

    private static List<String> bylines(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.select(Selectors.BYLINE)) {
            if (e.normalName().equals("meta") || e.closest(Selectors.COMMENT) != null) {
                continue;
            }
            Element name = e.selectFirst(Selectors.ITEMPROP_NAME);
            String text = name != null ? name.text() : e.text();
            String raw = Hints.raw(e).toLowerCase(Locale.ROOT);
            if (!text.isBlank() && text.length() <= MAX_BYLINE && !raw.contains("bio")) {
                out.addAll(Authors.split(text));
                if (!out.isEmpty()) {
                    break; // the first byline element is the article's; later ones are often related stories'
                }
            }
        }
        return out;
    }

    /** "By Jane Doe and John Roe" → [Jane Doe, John Roe]. */
    static List<String> splitAuthors(String byline) {
        return Authors.split(byline);
    }

    private static String blankToNull(String s) {
        String t = TextCleaner.normalize(s);
        return t.isEmpty() ? null : t;
    }
}
