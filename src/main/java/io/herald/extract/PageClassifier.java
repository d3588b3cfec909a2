package io.herald.extract;

import io.herald.model.PageType;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Article, front/section page, or other. A page that declares itself an article (og:type or a JSON-LD
 * article type) is one if its text is long enough; otherwise enough paragraphs in a clear container
 * make an article; {@code og:type=website} or many headline links with little text make a front page.
 */
final class PageClassifier {
    /** The verdict and, when an article was downgraded, why. */
    record Verdict(PageType type, String flag) {
    }

    private static final Set<String> FRONT_JSONLD = Set.of("WebSite", "CollectionPage", "SearchResultsPage");
    private static final int MIN_PARAGRAPHS = 3;
    private static final int HEADLINE_WORDS = 4;
    private static final int FRONT_HEADLINES = 8;
    private static final double CLEAR_LINK_DENSITY = 0.3;

    Verdict classify(Document doc, Metadata md, JsonLdData ld, ContentScorer.Result container, int words,
                     int paragraphs, int minWords) {
        boolean declared = ld.isArticle() || "article".equals(md.ogType());
        if (declared) {
            return words >= minWords ? new Verdict(PageType.ARTICLE, null) : new Verdict(PageType.OTHER, "too-short");
        }
        boolean websiteish = "website".equals(md.ogType()) || (ld.pageType() != null && FRONT_JSONLD.contains(ld.pageType()));
        Element c = container.element();
        boolean clear = c != null && !c.normalName().equals("body") && container.linkDensity() < CLEAR_LINK_DENSITY;
        boolean byText = clear && words >= minWords && paragraphs >= MIN_PARAGRAPHS;
        if (byText && (!websiteish || paragraphs >= 2 * MIN_PARAGRAPHS)) {
            return new Verdict(PageType.ARTICLE, null);
        }
        if (websiteish || headlineLinks(doc) >= FRONT_HEADLINES) {
            return new Verdict(PageType.FRONT, null);
        }
        return new Verdict(PageType.OTHER, null);
    }

    /** Anchors whose text reads like a headline (several words). */
    static int headlineLinks(Document doc) {
        int n = 0;
        for (Element a : doc.select("a[href]")) {
            if (TextCleaner.wordCount(a.text()) >= HEADLINE_WORDS) {
                n++;
            }
        }
        return n;
    }
}
