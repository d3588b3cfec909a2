package io.herald.extract;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * CSS queries used on every page, parsed once. jsoup parses a selector string on each {@code select} call,
 * which cost more than the HTML parse itself when done for every element; a parsed {@link Evaluator} is
 * immutable and safe to share between threads.
 */
final class Selectors {
    static final Evaluator A = QueryParser.parse("a");
    static final Evaluator A_HREF = QueryParser.parse("a[href]");
    static final Evaluator MEDIA = QueryParser.parse("img, picture, video, iframe");
    static final Evaluator P = QueryParser.parse("p");
    static final Evaluator IMG = QueryParser.parse("img");
    static final Evaluator FIGURE = QueryParser.parse("figure");
    static final Evaluator FIGCAPTION = QueryParser.parse("figcaption");
    static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");
    static final Evaluator META_CONTENT = QueryParser.parse("meta[content]");
    static final Evaluator JSON_LD = QueryParser.parse("script[type~=(?i)application/ld\\+json]");
    static final Evaluator CANONICAL = QueryParser.parse("link[rel~=(?i)^canonical$][href]");
    static final Evaluator H1 = QueryParser.parse("article h1, main h1, h1");
    static final Evaluator HEADLINE_CANDIDATES = QueryParser.parse(
            "h1, h2, h3, [itemprop=headline], [class*=headline], [class*=title]");
    static final Evaluator PUBLISHED = QueryParser.parse("[itemprop=datePublished], time[pubdate], time[datetime], "
            + "abbr.published[title], .published[title]");
    static final Evaluator DATED = QueryParser.parse("[class*=date], [class*=time], [class*=posted], "
            + "[class*=published], [class*=dateline], [class*=fecha], [class*=datum]");
    static final Evaluator RELATED_OR_COMMENT = QueryParser.parse("[class*=related], [class*=comment]");
    static final Evaluator COMMENT = QueryParser.parse("[class*=comment], [id*=comment]");
    static final Evaluator BYLINE = QueryParser.parse("[itemprop=author], [rel=author], [class*=byline], "
            + "[class*=author], [id*=byline], [class*=firma], [class*=autor], [class*=writer], [class*=reporter]");
    static final Evaluator ITEMPROP_NAME = QueryParser.parse("[itemprop=name]");

    private Selectors() {
    }
}
