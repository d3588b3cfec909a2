package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.model.ExtractResult;
import io.herald.model.PageType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lede between the headline and the body is read as the first paragraph; the header's furniture is not. */
class LedeFinderTest {
    private static final String URL = "https://news.example/2025/03/15/river-talks";
    private static final String LEDE = "Four states that share the river agreed on Saturday to meet again in April,"
            + " after a week in which farmers downstream saw their canals run dry.";
    private static final List<String> BODY = List.of(
            "Ministers from the four river states met on Saturday to defuse a dispute over a new dam, which downstream"
                    + " states say has cut the flow of the river in half, and agreed to meet again in April.",
            "The upstream state began filling its reservoir in January, and farmers further downstream say their"
                    + " irrigation canals ran dry weeks earlier than usual, with losses in the millions.",
            "Its foreign minister said the schedule had been shared a year ago, and that flows would return to"
                    + " normal once the reservoir reached its level in May, as engineers had planned.");
    private final ArticleExtractor extractor = new ArticleExtractor(new ExtractConfig(1, 60, List.of()));

    private List<String> paragraphs(String article) {
        String html = "<html><head><title>River states agree to talk again</title>"
                + "<meta property='og:type' content='article'></head><body>"
                + "<header class='site'><a href='/'>News</a> <a href='/world/'>World</a></header>" + article
                + "<footer><p>© 2025 News Example. All rights reserved.</p></footer></body></html>";
        ExtractResult r = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", URL);
        assertThat(r.type()).isEqualTo(PageType.ARTICLE);
        return List.of(r.article().text().split("\n\n"));
    }

    private static String body() {
        return "<div class='article-body'><p>" + String.join("</p><p>", BODY) + "</p></div>";
    }

    private static List<String> ledeThenBody() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(LEDE), BODY.stream()).toList();
    }

    @Test
    void ledeInTheArticlesHeaderIsReadBeforeTheBody() {
        // a <header> is hidden as page furniture; the article's own header holds the standfirst
        assertThat(paragraphs("<article><header class='entry-header'><span class='kicker'>Water</span>"
                + "<h1>River states agree to talk again</h1><p class='byline'>By Ana Ruiz</p>"
                + "<p class='standfirst'>" + LEDE + "</p>"
                + "<div class='share'><a href='/s/fb'>Share on Facebook</a> <a href='/s/x'>Post</a></div></header>"
                + body() + "</article>"))
                .containsExactlyElementsOf(ledeThenBody());
    }

    @Test
    void ledeInItsOwnWrapperAboveTheBodyIsRead() {
        assertThat(paragraphs("<div class='col'><div class='head'><h1>River states agree to talk again</h1>"
                + "<div class='date'>15.03.2025</div></div>"
                + "<figure><img src='/i/dam.jpg'><figcaption>The new dam, seen from the air in a photograph taken"
                + " by the river authority on Friday morning.</figcaption></figure>"
                + "<p class='intro'>" + LEDE + "</p>"
                + "<div class='layout'><div class='group'>" + body() + "</div></div></div>"))
                .containsExactlyElementsOf(ledeThenBody());
    }

    @Test
    void shortStandfirstsBylinesAndLinkLinesAreNotLedes() {
        assertThat(paragraphs("<div class='col'><h1>River states agree to talk again</h1>"
                + "<p class='dek'>Talks resume in April</p>"
                + "<p>By Ana Ruiz and Tom Berg, World Affairs Correspondents for the News Example desk in Vienna</p>"
                + "<p><a href='/world/rivers/'>More on the river dispute and the dam, from our archive of stories"
                + " since the project began in 2019</a></p>"
                + "<div class='wrap'>" + body() + "</div></div>"))
                .containsExactlyElementsOf(BODY);
    }

    @Test
    void ledeTheBodyAlsoHoldsIsReadOnce() {
        // the standfirst above the body, and again as the body's first paragraph
        assertThat(paragraphs("<article><h1>River states agree to talk again</h1><p class='standfirst'>" + LEDE
                + "</p><div class='article-body'><div class='text'><p>" + LEDE + "</p><p>"
                + String.join("</p><p>", BODY) + "</p></div></div></article>"))
                .containsExactlyElementsOf(ledeThenBody());
    }
}
