package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.model.ExtractResult;
import io.herald.model.PageType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The container holding the article wins, whatever the blocks its text is written in. */
class ContentScorerTest {
    private static final String URL = "https://news.example/service/news_view.htm?seq=181595";
    private static final List<String> RUNS = List.of(
            "After heavy downpours on Monday, Tuesday morning was met with strong, cold winds that brought early"
                    + " winter temperatures, and the first cold wave alerts of the season were issued.",
            "People out on the streets were seen wearing layers throughout the day, as temperatures felt as though"
                    + " winter had suddenly descended upon the nation.",
            "Cheorwon, in the north-east, claimed the coldest temperature in the country, at minus six degrees,"
                    + " and the cold is forecast to last until the weekend.");
    private final ArticleExtractor extractor = new ArticleExtractor(new ExtractConfig(1, 60, List.of()));

    @Test
    void textWrittenStraightIntoAWrapperBesideAPhotoBoxWins() {
        // the story is text runs split by <br><br> in a div that also holds a photo box: no <p>, and the
        // div is no paragraph itself (it holds a block); a cookie notice and a teaser list have <p>s
        String html = "<html><head><title>Colder temperatures forecast</title></head><body>"
                + "<div class='notice'><p>This website uses cookies and other technology to enhance the quality of"
                + " service, as described in our policy.</p><p>Close</p></div>"
                + "<div id='container'><div class='contents'><h1>Colder temperatures forecast</h1>"
                + "<div class='body_txt'><div class='img_box'><img src='/p.jpg'><p class='cap'>Photo : Agency</p></div>"
                + String.join("<br><br>", RUNS) + "</div></div>"
                + "<div class='list'><p><a href='/n/1'>Markets close higher on export data</a></p>"
                + "<p><a href='/n/2'>Parliament passes the budget bill</a></p></div></div></body></html>";
        ExtractResult r = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", URL);
        assertThat(r.type()).isEqualTo(PageType.ARTICLE);
        assertThat(r.article().text().split("\n\n")).containsExactlyElementsOf(RUNS);
    }

    @Test
    void equalScoresGoToTheFirstContainerOnEveryRun() {
        // responsive templates print one text twice (a mobile and a desktop copy): the two containers score
        // alike, and the earlier one must win every time, or a re-crawl writes a different article; each
        // parse makes new nodes with new identity hashes, so a hash-ordered tie-break would flip
        String copy = "<p>" + String.join("</p><p>", RUNS) + "</p>";
        for (int i = 0; i < 30; i++) {
            Document doc = Jsoup.parse("<div id='mobile'>" + copy + "</div><div id='desktop'>" + copy + "</div>");
            ContentView view = ContentView.of(doc.body(), BoilerplateFilter.STRICT, PageText.of(doc));
            assertThat(new ContentScorer().best(doc.body(), view).element().id()).isEqualTo("mobile");
        }
    }
}
