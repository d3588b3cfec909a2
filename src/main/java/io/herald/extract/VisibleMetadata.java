package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The metadata the page's markup gives outside JSON-LD and meta tags, the last resort after those: the
 * headline, {@code <title>}, dates ({@code <time datetime>}, microdata, hAtom {@code .published}, date-classed
 * elements, a date line under the headline), bylines, {@code <html lang>} and the canonical link.
 * {@code headlineElement} is where the headline was found (null when none was), for the lede next to it.
 */
record VisibleMetadata(String headline, String title, List<String> times, List<String> bylines, String lang,
                       String canonical, Element headlineElement) {

    private static final int MAX_BYLINE = 100;
    private static final int MAX_DATE_TEXT = 80;

    VisibleMetadata {
        times = List.copyOf(times);
        bylines = List.copyOf(bylines);
    }

    static VisibleMetadata read(Document doc, PageText text) {
        PageScan scan = PageScan.of(doc);
        Element headline = Headline.find(doc, scan, text);
        Element canonical = scan.canonical;
        HeadlineZone zone = HeadlineZone.read(doc, headline, text);
        List<String> times = times(scan, text);
        times.addAll(zone.dates());
        List<String> bylines = bylines(scan, text);
        if (bylines.isEmpty()) {
            zone.bylines().forEach(b -> bylines.addAll(Authors.split(b)));
        }
        return new VisibleMetadata(headline == null ? null : blankToNull(text.text(headline)), blankToNull(doc.title()),
                times, bylines, blankToNull(scan.lang),
                canonical == null ? null : blankToNull(canonical.absUrl("href")), headline);
    }

    private static List<String> times(PageScan scan, PageText text) {
        List<String> out = new ArrayList<>();
        for (Element t : scan.published) {
            String v = t.hasAttr("datetime") ? t.attr("datetime") : t.hasAttr("content") ? t.attr("content")
                    : t.hasAttr("title") ? t.attr("title") : text.text(t);
            if (!v.isBlank()) {
                out.add(v.strip());
            }
        }
        for (Element t : scan.dated) {
            if (text.length(t) > MAX_DATE_TEXT || text.hrefLinks(t) > 1) {
                continue; // the cheap tests first
            }
            String s = text.text(t);
            if (!s.isBlank() && !ClassHints.related(t) && t.closest(Selectors.RELATED_OR_COMMENT) == null) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static List<String> bylines(PageScan scan, PageText page) {
        List<String> out = new ArrayList<>();
        for (Element e : scan.bylines) {
            if (e.normalName().equals("meta") || e.closest(Selectors.COMMENT) != null) {
                continue;
            }
            Element name = e.selectFirst(Selectors.ITEMPROP_NAME);
            String text = page.text(name != null ? name : e);
            String raw = ClassHints.raw(e).toLowerCase(Locale.ROOT);
            if (!text.isBlank() && text.length() <= MAX_BYLINE && !raw.contains("bio")) {
                out.addAll(Authors.split(text));
                if (!out.isEmpty()) {
                    break; // the first byline element is the article's; later ones are often related stories'
                }
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        String t = TextCleaner.normalize(s);
        return t.isEmpty() ? null : t;
    }
}
