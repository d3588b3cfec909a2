package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.model.ExtractResult;
import io.herald.model.PageType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What the body reader reads inside the container, and where it stops. */
class BodyExtractorTest {
    private static final String URL = "https://blog.example/2025/03/15/ferry-terminal";
    private static final List<String> POST = List.of(
            "The council voted on Tuesday to close the old ferry terminal, a decision that leaves commuters on the"
                    + " north shore with an hour-long detour by road until the new bridge opens next spring.",
            "Councillors said the terminal's pier was no longer safe and that repairing it would cost more than the"
                    + " bridge itself, which the regional government has promised to open in April.",
            "Residents of the north shore have started a petition asking for a temporary shuttle bus, which the"
                    + " council has said it will discuss at its next meeting.");
    private static final String COMMENT = "I have taken that ferry every day for twenty years, and I cannot believe"
            + " the council is letting it go without a plan for those of us who do not drive.";
    private final ArticleExtractor extractor = new ArticleExtractor(new ExtractConfig(1, 60, List.of()));

    private List<String> paragraphs(String post) {
        String html = "<html><head><title>Ferry terminal to close</title><meta property='og:type' content='article'>"
                + "</head><body><div class='wrap'><h1>Ferry terminal to close</h1>" + post + "</div></body></html>";
        ExtractResult r = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", URL);
        assertThat(r.type()).isEqualTo(PageType.ARTICLE);
        return List.of(r.article().text().split("\n\n"));
    }

    @Test
    void aCommentsHeadingInsideTheContainerEndsTheBody() {
        // comments in plain markup, no class to say so: only their heading tells them from the post
        String post = "<div class='entry'><p>" + String.join("</p><p>", POST) + "</p>"
                + "<h3>3 Responses to “Ferry terminal to close”</h3><p>" + COMMENT + "</p><p>" + COMMENT.replace("twenty", "ten") + "</p>"
                + "<h3>Leave a Reply</h3><p>Your email address will not be published by us or shared.</p></div>";
        assertThat(paragraphs(post)).containsExactlyElementsOf(POST);
    }

    @Test
    void shortLinesAboveThePostDoNotLetAnEndHeadingEndIt() {
        // a container widened over a sidebar: its module titles come first, then its own "Recent Posts"
        String html = "<div id='page'><div id='side'><h2>My Web Pages</h2><h2>My Books</h2><h2>Recent Posts</h2>"
                + "<ul><li><a href='/a'>An older post</a></li></ul></div><div id='post'><p>"
                + String.join("</p><p>", POST) + "</p></div></div>";
        Document doc = Jsoup.parse(html);
        ContentView view = ContentView.of(doc.body(), BoilerplateFilter.STRICT, PageText.of(doc));
        List<String> read = new BodyExtractor(view, Set.of()).extract(List.of(doc.getElementById("page"))).paragraphs();
        assertThat(read).endsWith(POST.toArray(String[]::new));
    }

    @Test
    void aShortPostUnderItsPhotosIsNoPhotoBlockWhenTheScoreFoundIt() {
        // Blogger writes a short post straight into its div, below the photos: under 300 characters with an
        // image, it looks like a photo box with a caption, unless it is the block the score was given to
        String html = "<div id='posts'><div id='post'><div class='separator'><a href='/p.jpg'><img src='/p.jpg'></a>"
                + "</div>Dear all,<br><br>I would love to invite you to the book event at the Reading Bug this Saturday"
                + " at 11 am.<br><br>Hope to see you there.</div><div id='photo'><img src='/q.jpg'><p>By A. Lens</p>"
                + "</div></div>";
        Document doc = Jsoup.parse(html);
        ContentView view = ContentView.of(doc.body(), BoilerplateFilter.STRICT, PageText.of(doc));
        Element posts = doc.getElementById("posts");
        assertThat(new BodyExtractor(view, Set.of()).extract(List.of(posts)).paragraphs()).isEmpty();
        assertThat(new BodyExtractor(view, Set.of(), doc.getElementById("post")).extract(List.of(posts)).paragraphs())
                .containsExactly("Dear all,", "I would love to invite you to the book event at the Reading Bug this"
                        + " Saturday at 11 am.", "Hope to see you there.");
    }

    @Test
    void aParagraphRepeatedAtOnceIsReadOnce() {
        // responsive templates print the intro twice, for two screen sizes
        String post = "<div class='entry'><p class='intro-mobile'>" + POST.get(0) + "</p><p class='intro'>" + POST.get(0)
                + "</p><p>" + POST.get(1) + "</p></div>";
        assertThat(paragraphs(post)).containsExactly(POST.get(0), POST.get(1));
    }

    @Test
    void aCopyInAnotherWrapperIsReadOnceAndTheSameParagraphSaidTwiceIsReadTwice() {
        // the mobile copy sits in a wrapper of its own; a page that says a paragraph twice, in two alike <p>
        // siblings, means it (Readability's test pages do, and their expected text keeps both)
        String copies = "<div class='entry'><div class='d-md-none'><p>" + POST.get(0) + "</p></div><div><p>"
                + POST.get(0) + "</p><p>" + POST.get(1) + "</p></div></div>";
        assertThat(paragraphs(copies)).containsExactly(POST.get(0), POST.get(1));
        String said = "<div class='entry'><p>" + POST.get(0) + "</p><p>" + POST.get(0) + "</p><p>" + POST.get(1)
                + "</p></div>";
        assertThat(paragraphs(said)).containsExactly(POST.get(0), POST.get(0), POST.get(1));
    }

    @Test
    void subHeadsThatOnlyMentionCommentsAreNotAnEnd() {
        String post = "<div class='entry'><p>" + POST.get(0) + "</p><p>" + POST.get(1) + "</p>"
                + "<h2>Comments on the draft</h2><p>" + POST.get(2) + "</p><h2>Responses</h2><p>" + POST.get(2)
                + " Again.</p></div>";
        assertThat(paragraphs(post)).containsExactly(POST.get(0), POST.get(1), "Comments on the draft",
                POST.get(2), "Responses", POST.get(2) + " Again.");
    }
}
