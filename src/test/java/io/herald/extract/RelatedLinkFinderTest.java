package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ExtractResult;
import io.herald.model.RelatedLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Related-story blocks that real templates write without a class (issue 14, item 3), and links that are not stories. */
class RelatedLinkFinderTest {
    private static final String URL = "http://news.example/2008/01/10/bus-depot-approved.html";
    private static final String STORY = """
            <h1>Council approves the new bus depot</h1>
            <p>The council approved the depot on Tuesday after a long debate. Building starts in spring and will take
            two years, the council's planners said, and the operator will move its fleet in stages.</p>
            <p>Residents had objected to the noise of night buses, and the plan now limits them to six an hour, a
            condition that the operator accepted at the last minute, its manager told the meeting.</p>
            <p>The depot will hold ninety buses, a workshop and a wash hall, and it replaces two older sites in the
            town centre that the operator has wanted to leave for a decade, according to the council's report.</p>
            <p>Opponents said they would study the decision, which the regional authority still has to confirm, and
            that a legal challenge was not ruled out if the limits on night traffic were not written into the permit.</p>
            """;

    private static List<String> related(String html) {
        ExtractResult r = ExtractFixturesTest.EXTRACTOR.extract(html.getBytes(StandardCharsets.UTF_8), null, URL);
        assertThat(r.article()).as("written as an article").isNotNull();
        return r.article().related().stream().map(RelatedLink::url).toList();
    }

    @Test
    void aListAfterABoldSeeAlsoLineIsRelated() {
        String html = "<html><body><table><tr><td><div class=\"story\">" + STORY + "</div>"
                + "<b>See Also:</b><br><ul><li><a href=\"/2008/01/08/depot-vote-delayed.html\">Depot vote delayed by a week</a>"
                + "<li><a href=\"/2008/01/05/night-buses.html\">Night buses anger residents</a></ul>"
                + "<b>Related Videos:</b><br><ul><li><a href=\"/video/12345_depot_tour.html\">A tour of the old depot</a></ul>"
                + "</td></tr></table></body></html>";

        assertThat(related(html)).containsExactly("http://news.example/2008/01/08/depot-vote-delayed.html",
                "http://news.example/2008/01/05/night-buses.html", "http://news.example/video/12345_depot_tour.html");
    }

    @Test
    void inlineLinksBetweenLineBreaksAfterAHeadingAreRelatedUpToTheNextBlock() {
        String html = "<html><body><div class=\"post\"><div class=\"entry\">" + STORY + "</div>"
                + "<strong>Related Articles</strong><br><a href=\"/2008/01/08/depot-vote-delayed.html\">Depot vote delayed</a>"
                + "<br>The vote on the depot was put off...<br><br><a href=\"/2007/12/20/new-buses-ordered.html\">New buses ordered</a>"
                + "<p>Filed under <a href=\"/2007/11/02/transport-budget-cut.html\">last year's budget</a></p></div></body></html>";

        assertThat(related(html)).containsExactly("http://news.example/2008/01/08/depot-vote-delayed.html",
                "http://news.example/2007/12/20/new-buses-ordered.html");
    }

    @Test
    void aRelatedBoxBeforeTheStoryInTheSameColumnIsTheStorysButNotOneInAnotherPartOfThePage() {
        Document doc = Jsoup.parse("<html><body><div id=\"top\"><div class=\"related-sites\">"
                + "<a href=\"http://other.example/2008/01/01/partner-site-story.html\">Elsewhere on the web today</a></div></div>"
                + "<div id=\"column\"><div class=\"box\"><div class=\"related\"><h3>Read more</h3><ul>"
                + "<li><a href=\"/2008/01/08/depot-vote-delayed.html\">Depot vote delayed by a week</a></li></ul></div></div>"
                + "<div id=\"block1\"><div class=\"text\">" + STORY + "</div></div></div></body></html>", URL);
        RelatedLinkFinder finder = new RelatedLinkFinder();
        List<Element> hinted = finder.hintedBlocks(doc, PageText.of(doc));

        List<Element> near = finder.nearContainer(hinted, doc.selectFirst("div.text"));

        assertThat(hinted).hasSize(2);
        assertThat(near).singleElement().satisfies(e -> assertThat(e.hasClass("related")).isTrue());
    }

    @Test
    void navigationActionsFeedsAndSearchesAreNotStoriesButQueryIdsAre() {
        String html = "<html><body><div class=\"story\">" + STORY + "<div class=\"related\"><h3>Related stories</h3><ul>"
                + "<li><a href=\"/index.php?fSectionId=16&fArticleId=nw20071230160946\">Cricket chief resigns</a></li>"
                + "<li><a href=\"/index.php?page=2\">Page two of the news</a></li>"
                + "<li><a href=\"http://ads.example/?w=10486\">Stories from our partners</a></li>"
                + "<li><a href=\"/2008/01/02/more-buses-for-the-north.html\">More buses for the north of the town</a></li>"
                + "<li><a href=\"/transport/list.html\">More transport news</a></li>"
                + "<li><a href=\"/friend.asp\">Email this article</a></li>"
                + "<li><a href=\"/complaint.php?id=962137\">Report this post</a></li>"
                + "<li><a href=\"/rss/transport.xml\">Transport headlines feed</a></li>"
                + "<li><a href=\"/search/query?v1=BUSES\">Buses and coaches</a></li>"
                + "<li><a href=\"/alerts/tnt.html?topic=BUSES\">Add Alert</a></li>"
                + "</ul></div></div></body></html>";

        assertThat(related(html)).containsExactly("http://news.example/index.php?fSectionId=16&fArticleId=nw20071230160946",
                "http://news.example/2008/01/02/more-buses-for-the-north.html");
    }
}
