package io.herald.sink;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class ArticleDeduperTest {
    private final ArticleDeduper deduper = new ArticleDeduper(new InMemoryWrittenKeys());

    @Test
    void canonicalUrlIsTheKeyWhenPresent() {
        assertThat(deduper.firstTime(TestArticles.withCanonical("http://h/a?utm=1", "http://h/a"))).isTrue();
        assertThat(deduper.firstTime(TestArticles.withCanonical("http://h/a?utm=2", "http://h/a"))).isFalse();
        // the fetched URL of a page that names another canonical is not itself remembered
        assertThat(deduper.firstTime(TestArticles.withCanonical("http://h/a?utm=1", null))).isTrue();
        assertThat(deduper.size()).isEqualTo(2);
    }

    @Test
    void urlIsTheKeyWithoutCanonical() {
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/b"))).isTrue();
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/b"))).isFalse();
        assertThat(deduper.firstTime(TestArticles.withCanonical("http://h/b", " "))).isFalse(); // blank canonical
        assertThat(deduper.firstTime(TestArticles.withCanonical("http://h/x", "http://h/b"))).isFalse();
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/c"))).isTrue();
    }

    @Test
    void fragmentsAndSurroundingSpaceDoNotMatter() {
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/d#comments"))).isTrue();
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/d"))).isFalse();
        assertThat(deduper.firstTime(TestArticles.withCanonical("http://h/z", "  http://h/d#top "))).isFalse();
        // nothing else is normalised: case and trailing slash still make a different key
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/d/"))).isTrue();
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/D"))).isTrue();
    }

    @Test
    void forgetLetsAFailedArticleBeWrittenLater() {
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/e"))).isTrue();
        deduper.forget(TestArticles.minimal("http://h/e"));
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/e"))).isTrue();
    }

    @Test
    void remembersLinesWrittenByAnEarlierRun() {
        deduper.remember(ArticleJson.toJson(TestArticles.withCanonical("http://h/f?x", "http://h/f")));
        deduper.remember(ArticleJson.toJson(TestArticles.minimal("http://h/g")));
        deduper.remember(new JsonObject().put("unrelated", true));
        assertThat(deduper.size()).isEqualTo(2);
        assertThat(deduper.firstTime(TestArticles.withCanonical("http://h/other", "http://h/f"))).isFalse();
        assertThat(deduper.firstTime(TestArticles.minimal("http://h/g"))).isFalse();
    }
}
