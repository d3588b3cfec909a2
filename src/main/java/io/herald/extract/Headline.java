package io.herald.extract;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the visible headline. The first {@code <h1>} is often the site's logo (blogs, old CMSs) and the
 * headline sits in an {@code h2}/{@code h3} or a styled span; but the {@code <title>} nearly always repeats
 * the headline, usually with the site name. So the headline is the longest heading-like element whose text
 * the title contains; failing that, the first {@code <h1>}.
 */
final class Headline {
    private static final int MAX_LENGTH = 300;
    private static final int MIN_LENGTH = 10;

    private Headline() {
    }

    static Element find(Document doc, PageScan scan, PageText text) {
        String title = TextCleaner.normalize(doc.title()).toLowerCase(Locale.ROOT);
        Element best = null;
        int bestLength = 0;
        if (!title.isEmpty()) {
            for (Element e : scan.headlineCandidates) {
                String t = TextCleaner.normalize(text.text(e)).toLowerCase(Locale.ROOT);
                if (t.length() >= MIN_LENGTH && t.length() <= MAX_LENGTH && t.length() > bestLength
                        && title.contains(t) && e.closest(Selectors.A) == null) {
                    best = e;
                    bestLength = t.length();
                }
            }
        }
        return best != null ? best : scan.firstH1;
    }
}
