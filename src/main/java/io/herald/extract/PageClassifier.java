package io.herald.extract;

import io.herald.model.PageType;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Article, front/section page, or other. A page that declares itself an article (og:type or a JSON-LD
 * article type) is one if its text is long enough; otherwise enough paragraphs in a clear container
 * make an article, fewer when the URL is shaped like an article's ({@link UrlShape}), more when it is shaped
 * like a section's or the page says {@code og:type=website}; those, or many headline links with little
 * text, make a front page.
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
    /** Words in a clear container that make an article however they are split into paragraphs. */
    private static final int PROSE_WORDS = 100;
    /** Words that make an article in any container that is not mostly links. */
    private static final int LONG_WORDS = 150;
    private static final double BUSY_LINK_DENSITY = 0.45;
    /** Mean words per paragraph of such a long text: teasers have fewer. */
    private static final int PARAGRAPH_WORDS = 20;

    Verdict classify(Document doc, String url, Metadata md, JsonLdData ld, ContentScorer.Result container,
                     int words, int paragraphs, int minWords) {
        boolean declared = ld.isArticle() || "article".equals(md.ogType());
        if (declared) {
            return words >= minWords ? new Verdict(PageType.ARTICLE, null) : new Verdict(PageType.OTHER, "too-short");
        }
        UrlShape shape = UrlShape.of(url);
        boolean websiteish = "website".equals(md.ogType())
                || (ld.pageType() != null && FRONT_JSONLD.contains(ld.pageType()));
        Element c = container.element();
        boolean clear = c != null && !c.normalName().equals("body") && container.linkDensity() < CLEAR_LINK_DENSITY;
        // a URL shaped like an article's lowers the bar; a section-shaped URL or og:type=website raises it
        int needed = websiteish || shape == UrlShape.SECTION ? 2 * MIN_PARAGRAPHS
                : shape == UrlShape.ARTICLE ? MIN_PARAGRAPHS - 1 : MIN_PARAGRAPHS;
        // a run of prose is an article however it is split: a post of <br> lines, a long lede, an RFC in <pre>
        if (clear && words >= minWords && (paragraphs >= needed || words >= PROSE_WORDS)) {
            return new Verdict(PageType.ARTICLE, null);
        }
        // a long text is an article even in a busier container (a blog theme's content column with its tag
        // links) or straight in the body (a plain-text page), when its paragraphs are written ones; a front
        // page's container can hold as many words, in headline-and-blurb teasers of a dozen words each
        if (c != null && words >= Math.max(minWords, LONG_WORDS) && container.linkDensity() < BUSY_LINK_DENSITY
                && words >= PARAGRAPH_WORDS * Math.max(1, paragraphs)) {
            return new Verdict(PageType.ARTICLE, null);
        }
        int headlines = headlineLinks(doc);
        if (websiteish || headlines >= FRONT_HEADLINES || (shape == UrlShape.SECTION && headlines >= FRONT_HEADLINES / 2)) {
            return new Verdict(PageType.FRONT, null);
        }
        return new Verdict(PageType.OTHER, clear && words < minWords ? "too-short" : null);
    }

    /** Anchors whose text reads like a headline (several words). */
    static int headlineLinks(Document doc) {
        int n = 0;
        for (Element a : doc.select(Selectors.A_HREF)) {
            if (TextCleaner.wordCount(a.text()) >= HEADLINE_WORDS) {
                n++;
            }
        }
        return n;
    }
}
