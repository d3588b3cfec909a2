package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.ArticleContent;
import io.herald.model.Extraction;
import io.herald.model.ImageRef;
import io.herald.model.RelatedLink;
import io.herald.model.Via;

import java.time.Instant;
import java.util.List;

/** Articles for the sink tests: one with every field set, one with only what a crawl always knows. */
final class TestArticles {
    static final Instant FETCHED = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private TestArticles() {
    }

    static Article full(String url) {
        ArticleContent content = new ArticleContent(
                url + "?canonical", "Syria talks resume", "Delegations meet again in Geneva.",
                List.of("Jane Doe", "John Roe"), "2017-02-23T14:05:00+03:00", "2017-02-24",
                "World", List.of("syria", "geneva"), "en", "Demo News",
                "First paragraph.\n\nSecond \"quoted\" paragraph.", 5,
                List.of(new ImageRef("http://127.0.0.2:8090/img/1.jpg", "Delegates arrive", "AP Photo / Omar Sanadiki")),
                List.of(new RelatedLink("http://127.0.0.2:8090/world/other", "Other story")),
                new Extraction("jsonld+rules", "127.0.0.2", List.of("rule-missed")));
        return new Article(url, FETCHED, 200, "127.0.0.2", 2, "http://127.0.0.2:8090/", Via.RELATED, content);
    }

    static Article minimal(String url) {
        return new Article(url, FETCHED, 200, "127.0.0.2", 0, null, Via.SEED, minimalContent(null, null));
    }

    static Article withCanonical(String url, String canonical) {
        return new Article(url, FETCHED, 200, "127.0.0.2", 1, "http://127.0.0.2:8090/", Via.LINK,
                minimalContent(canonical, "Some text here."));
    }

    /** True when {@code a} is claimed as a first version (what a sink without article revisits writes). */
    static boolean firstTime(ArticleDeduper deduper, Article a) {
        return deduper.claim(a) == 1;
    }

    static ArticleContent minimalContent(String canonical, String text) {
        return new ArticleContent(canonical, null, null, List.of(), null, null, null, List.of(), null, null,
                text, 0, List.of(), List.of(), null);
    }
}
