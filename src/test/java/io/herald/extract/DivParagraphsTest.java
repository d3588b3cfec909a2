package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.model.ExtractResult;
import io.herald.model.PageType;
import io.herald.model.RelatedLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Articles whose paragraphs are divs, each wrapped in its own block, as wire-agency CMSs build them. */
class DivParagraphsTest {
    private static final String URL = "https://wire.example/world/20250315/story-1.html";
    private static final List<String> PARAGRAPHS = List.of(
            "Ministers from the four river states met on Saturday to defuse a dispute over a new dam that downstream"
                    + " states say has cut the flow of the river in half.",
            "The upstream state began filling its reservoir in January, and farmers further downstream say their"
                    + " irrigation canals ran dry weeks earlier than usual.",
            "Its foreign minister said the schedule had been shared a year ago and that flows would return to normal"
                    + " once the reservoir reached its level in May.",
            "The downstream countries asked for slower filling during the planting season and for an independent"
                    + " commission to monitor water releases.");
    private final ArticleExtractor extractor = new ArticleExtractor(new ExtractConfig(1, 60, List.of()));

    /** Each paragraph in {@code .block > .text}, with a related teaser, a photo and a promo between them. */
    private static String page(String blockExtra, String paragraphWrap, String outerTag) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < PARAGRAPHS.size(); i++) {
            body.append("<div class='article__block' data-type='text'><div class='article__text'>")
                    .append(paragraphWrap.replace("%s", PARAGRAPHS.get(i))).append("</div>").append(blockExtra)
                    .append("</div>\n");
            if (i == 0) {
                body.append("<div class='article__block' data-type='article'><a href='/world/story-2.html'>"
                        + "<div class='article__article-image'><img src='/i/2.jpg'></div>"
                        + "<div class='article__article-title'>"
                        + "Ceasefire talks resume in the lakeside town after a two-week pause</div></a></div>\n");
            } else if (i == 2) {
                body.append("<div class='article__block' data-type='media'><img src='/i/3.jpg'>"
                        + "<div class='media__copyright-item'>© AP Photo / Lina Haddar</div>"
                        + "<div class='media__title'>The new dam on the upper river during the filling</div></div>\n"
                        + "<div class='article__block' data-type='text'><div class='article__text'><strong>ALSO READ: "
                        + "<a href='/world/story-3.html'>Glaciers lost ice twice as fast in the past decade</a>"
                        + "</strong></div></div>\n");
            }
        }
        body.append("<div class='article__block' data-type='text'><div class='article__text'>Never miss a story "
                + "again — follow us on your favourite messenger!</div></div>\n");
        return "<html><head><title>River talks</title><meta property='og:type' content='article'></head><body>"
                + "<" + outerTag + " id='aspnetForm'>"
                + "<div class='header'><a href='/'>Wire</a> <a href='/about'>Subscribe</a></div>"
                + "<div class='article'><h1>River talks</h1><div class='article__body'>\n" + body + "</div></div>"
                + "<div class='newsfeed'><a href='/a'>Storm grounds flights</a></div></" + outerTag + "></body></html>";
    }

    private ExtractResult extract(String html) {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", URL);
    }

    private void assertClean(ExtractResult r) {
        assertThat(r.type()).isEqualTo(PageType.ARTICLE);
        assertThat(r.article().text().split("\n\n")).containsExactlyElementsOf(PARAGRAPHS);
        assertThat(r.article().related()).extracting(RelatedLink::url).containsExactly(
                "https://wire.example/world/story-2.html", "https://wire.example/world/story-3.html");
    }

    @Test
    void wrappedDivParagraphsAreReadAsOneArticle() {
        assertClean(extract(page("", "%s", "div")));
    }

    @Test
    void aSpacerOrShareWidgetBesideEachParagraphDoesNotSplitTheArticle() {
        assertClean(extract(page("<div class='clearfix'></div><div class='share'>Share</div>", "%s", "div")));
    }

    @Test
    void aParagraphWhoseTextSitsInInlineMarkupStillCounts() {
        assertClean(extract(page("", "<em>%s</em>", "div")));
    }

    @Test
    void aPageWideFormAroundADivBuiltArticleIsNotBoilerplate() {
        assertClean(extract(page("", "%s", "form")));
    }
}
