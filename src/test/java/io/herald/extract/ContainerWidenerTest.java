package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.model.ExtractResult;
import io.herald.model.PageType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Bodies split across sibling blocks are read whole; furniture next to the body is not taken in. */
class ContainerWidenerTest {
    private static final String URL = "https://news.example/2025/03/15/river-talks";
    private static final List<String> PARAGRAPHS = List.of(
            "Ministers from the four river states met on Saturday to defuse a dispute over a new dam, which downstream"
                    + " states say has cut the flow of the river in half, and agreed to meet again in April.",
            "The upstream state began filling its reservoir in January, and farmers further downstream say their"
                    + " irrigation canals ran dry weeks earlier than usual, with losses in the millions.",
            "Its foreign minister said the schedule had been shared a year ago, and that flows would return to"
                    + " normal once the reservoir reached its level in May, as engineers had planned.",
            "The downstream countries asked for slower filling during the planting season and for an independent"
                    + " commission to monitor water releases, which the upstream state has refused so far.");
    private final ArticleExtractor extractor = new ArticleExtractor(new ExtractConfig(1, 60, List.of()));

    private List<String> paragraphs(String html) {
        ExtractResult r = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", URL);
        assertThat(r.type()).isEqualTo(PageType.ARTICLE);
        return List.of(r.article().text().split("\n\n"));
    }

    private static String page(String article) {
        return "<html><head><title>River talks</title><meta property='og:type' content='article'></head><body>"
                + "<div class='top'><a href='/'>News</a> <a href='/world/'>World</a></div>" + article
                + "<div class='more-stories'><ul><li><a href='/a/1'>Storm grounds flights across the north</a></li>"
                + "<li><a href='/a/2'>Bridge opening delayed again by the contractor</a></li>"
                + "<li><a href='/a/3'>Council votes to close the old ferry terminal</a></li></ul></div></body></html>";
    }

    @Test
    void bodySplitIntoCmsBlocksAroundAPhotoIsReadWhole() {
        String html = page("<div class='story'><h1>River talks</h1>"
                + "<div class='wrap'><div class='textflow'><p>" + PARAGRAPHS.get(0) + "</p></div></div>"
                + "<div class='photo'><img src='/i/1.jpg'><span>The dam</span></div>"
                + "<div class='wrap'><div class='textflow'><p>" + PARAGRAPHS.get(1) + "</p><p>" + PARAGRAPHS.get(2)
                + "</p></div></div>"
                + "<div class='wrap'><div class='textflow'><h2>What next</h2><p>" + PARAGRAPHS.get(3)
                + "</p></div></div></div>");
        assertThat(paragraphs(html)).containsExactly(PARAGRAPHS.get(0), PARAGRAPHS.get(1), PARAGRAPHS.get(2),
                "What next", PARAGRAPHS.get(3));
    }

    @Test
    void ledeInItsOwnWrapperAndAListInTheBodyAreKept() {
        String html = page("<div class='main'><div class='intro'><p>" + PARAGRAPHS.get(0) + "</p></div>"
                + "<div class='longtext'><p>" + PARAGRAPHS.get(1) + "</p><p>" + PARAGRAPHS.get(2) + "</p></div>"
                + "<ul><li>Four states signed the first water treaty in 1994 after years of talks</li>"
                + "<li>The new dam is the largest on the river</li></ul>"
                + "<div class='longtext'><p>" + PARAGRAPHS.get(3) + "</p></div></div>");
        assertThat(paragraphs(html)).containsExactly(PARAGRAPHS.get(0), PARAGRAPHS.get(1), PARAGRAPHS.get(2),
                "Four states signed the first water treaty in 1994 after years of talks",
                "The new dam is the largest on the river", PARAGRAPHS.get(3));
    }

    @Test
    void aLinkListNextToTheBodyStopsTheWidening() {
        Document doc = Jsoup.parse(page("<div class='column'><div id='body'><p>" + PARAGRAPHS.get(0) + "</p><p>"
                + PARAGRAPHS.get(1) + "</p></div><ul class='list'><li><a href='/b/1'>Storm grounds flights across"
                + " the north</a></li><li><a href='/b/2'>Bridge opening delayed again by the contractor</a></li>"
                + "<li><a href='/b/3'>Council votes to close the old ferry terminal for good</a></li></ul></div>"));
        ContentView view = ContentView.of(doc.body(), BoilerplateFilter.STRICT, PageText.of(doc));
        ContainerWidener.Widened w = new ContainerWidener(view).widen(doc.getElementById("body"));
        assertThat(w.element().id()).isEqualTo("body");
        assertThat(w.skipped()).isEmpty();
    }

    @Test
    void theHeadlineBlockTakenInByTheWideningIsSkipped() {
        Document doc = Jsoup.parse(page("<div id='story'><div id='head'><h1>River talks</h1><p>A standfirst of one"
                + " line.</p></div><div class='part'><p>" + PARAGRAPHS.get(0) + "</p></div><div id='part'><p>"
                + PARAGRAPHS.get(1) + "</p><p>" + PARAGRAPHS.get(2) + "</p></div></div>"));
        ContentView view = ContentView.of(doc.body(), BoilerplateFilter.STRICT, PageText.of(doc));
        Element wide = new ContainerWidener(view).widen(doc.getElementById("part")).element();
        assertThat(wide.id()).isEqualTo("story");
        assertThat(new ContainerWidener(view).widen(doc.getElementById("part")).skipped())
                .extracting(Element::id).containsExactly("head");
    }

    @Test
    void bodySpreadOverPageBuilderSectionsIsJoinedAndTheFurnitureBetweenIsSkipped() {
        String cta = "<section class='cta'>" + "<a href='/course'>Book a seat now</a> ".repeat(20) + "</section>";
        String html = page("<div id='page'><section><div class='col'><p>" + PARAGRAPHS.get(0) + "</p><p>"
                + PARAGRAPHS.get(1) + "</p></div></section>" + cta + "<section><div class='col'><p>"
                + PARAGRAPHS.get(2) + "</p><p>" + PARAGRAPHS.get(3) + "</p></div></section></div>");
        assertThat(paragraphs(html)).containsExactlyElementsOf(PARAGRAPHS);
    }
}
