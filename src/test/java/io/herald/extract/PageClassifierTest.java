package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ExtractConfig;
import io.herald.model.ExtractResult;
import io.herald.model.PageType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run of prose in a clear container is an article however few paragraphs it is split into. */
class PageClassifierTest {
    private static final String SENTENCE = "The council voted on Tuesday to close the old ferry terminal, which"
            + " leaves commuters on the north shore with a long detour by road until the bridge opens. ";
    private final ArticleExtractor extractor = new ArticleExtractor(new ExtractConfig(1, 60, List.of()));

    private ExtractResult extract(String body, String url) {
        String html = "<html><head><title>Ferry</title></head><body><div class='nav'><a href='/'>Home</a></div>"
                + body + "</body></html>";
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url);
    }

    @Test
    void longPostOfBrLinesWithoutArticleMarkupIsAnArticle() {
        String post = "<div class='main'><h2>Ferry</h2><div class='post'>" + (SENTENCE + "<br>").repeat(2) + "<br>"
                + (SENTENCE.replace("Tuesday", "Monday") + "<br>").repeat(2) + "</div></div>";
        ExtractResult r = extract(post, "https://blog.example/ferry");
        assertThat(r.type()).isEqualTo(PageType.ARTICLE);
        assertThat(r.article().wordCount()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void shortTextInOneParagraphIsStillNotAnArticle() {
        ExtractResult r = extract("<div class='post'><p>" + SENTENCE + SENTENCE + "</p></div>",
                "https://blog.example/ferry");
        assertThat(r.type()).isNotEqualTo(PageType.ARTICLE);
    }
}
