package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the visible page says about itself, the last resort after JSON-LD and meta tags: the first
 * {@code <h1>}, {@code <title>}, {@code <time datetime>}, byline elements, {@code <html lang>} and the
 * canonical link.
 */
record PageHints(String h1, String title, List<String> times, List<String> bylines, String lang,
                 String canonical) {

    private static final Pattern BY = Pattern.compile("(?iu)^(?:by|von|par|por|автор:?)\\s+");
    private static final Pattern SPLIT = Pattern.compile("(?iu)\\s*(?:,|\\band\\b|&|\\bund\\b|\\bи\\b)\\s*");
    private static final int MAX_BYLINE = 100;
    /** Job titles and agencies that follow names in bylines ("Jane Doe, Staff Writer"). */
    private static final Pattern ROLE = Pattern.compile("(?iu)\\b(?:correspondents?|reporters?|editors?|writers?|staff|"
            + "contributors?|columnists?|journalists?|bureau|desk|news agency|photographers?)\\b");

    PageHints {
        times = List.copyOf(times);
        bylines = List.copyOf(bylines);
    }

    static PageHints read(Document doc) {
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        Element canonical = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        return new PageHints(h1 == null ? null : blankToNull(h1.text()), blankToNull(doc.title()), times(doc),
                bylines(doc), blankToNull(doc.select("html").attr("lang")),
                canonical == null ? null : blankToNull(canonical.absUrl("href")));
    }

    private static List<String> times(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element t : doc.select("[itemprop=datePublished], time[pubdate], time[datetime]")) {
            String v = t.hasAttr("datetime") ? t.attr("datetime") : t.hasAttr("content") ? t.attr("content") : t.text();
            if (!v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    private static List<String> bylines(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.select("[itemprop=author], [rel=author], [class*=byline], [class*=author], "
                + "[id*=byline]")) {
            if (e.normalName().equals("meta")) {
                continue;
            }
            Element name = e.selectFirst("[itemprop=name]");
            String text = name != null ? name.text() : e.text();
            if (!text.isBlank() && text.length() <= MAX_BYLINE && !Hints.raw(e).contains("bio")) {
                out.addAll(splitAuthors(text));
                if (!out.isEmpty()) {
                    break; // the first byline element is the article's; later ones are often related stories'
                }
            }
        }
        return out;
    }

    /** "By Jane Doe and John Roe" → [Jane Doe, John Roe]. */
    static List<String> splitAuthors(String byline) {
        String t = BY.matcher(TextCleaner.normalize(byline)).replaceFirst("");
        List<String> out = new ArrayList<>();
        for (String part : SPLIT.split(t)) {
            String p = BY.matcher(part.strip()).replaceFirst("");
            if (!p.isEmpty() && Character.isLetter(p.codePointAt(0)) && !ROLE.matcher(p).find()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        String t = TextCleaner.normalize(s);
        return t.isEmpty() ? null : t;
    }
}
