package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.Via;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class ArticleDeduperTest {
    private final ArticleDeduper deduper = new ArticleDeduper(new InMemoryWrittenKeys(), false);

    @Test
    void canonicalUrlIsTheKeyWhenPresent() {
        assertThat(TestArticles.firstTime(deduper, TestArticles.withCanonical("http://h/a?utm=1", "http://h/a"))).isTrue();
        assertThat(TestArticles.firstTime(deduper, TestArticles.withCanonical("http://h/a?utm=2", "http://h/a"))).isFalse();
        // the fetched URL of a page that names another canonical is not itself remembered
        assertThat(TestArticles.firstTime(deduper, TestArticles.withCanonical("http://h/a?utm=1", null))).isTrue();
        assertThat(deduper.size()).isEqualTo(2);
    }

    @Test
    void urlIsTheKeyWithoutCanonical() {
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/b"))).isTrue();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/b"))).isFalse();
        assertThat(TestArticles.firstTime(deduper, TestArticles.withCanonical("http://h/b", " "))).isFalse(); // blank canonical
        assertThat(TestArticles.firstTime(deduper, TestArticles.withCanonical("http://h/x", "http://h/b"))).isFalse();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/c"))).isTrue();
    }

    @Test
    void fragmentsAndSurroundingSpaceDoNotMatter() {
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/d#comments"))).isTrue();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/d"))).isFalse();
        assertThat(TestArticles.firstTime(deduper, TestArticles.withCanonical("http://h/z", "  http://h/d#top "))).isFalse();
        // nothing else is normalised: case and trailing slash still make a different key
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/d/"))).isTrue();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/D"))).isTrue();
    }

    @Test
    void forgetLetsAFailedArticleBeWrittenLater() {
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/e"))).isTrue();
        deduper.forget(TestArticles.minimal("http://h/e"));
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/e"))).isTrue();
    }

    @Test
    void remembersLinesWrittenByAnEarlierRun() {
        deduper.remember(ArticleJson.toJson(TestArticles.withCanonical("http://h/f?x", "http://h/f")));
        deduper.remember(ArticleJson.toJson(TestArticles.minimal("http://h/g")));
        deduper.remember(new JsonObject().put("unrelated", true));
        assertThat(deduper.size()).isEqualTo(2);
        assertThat(TestArticles.firstTime(deduper, TestArticles.withCanonical("http://h/other", "http://h/f"))).isFalse();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://h/g"))).isFalse();
    }

    private static Article text(String url, String text) {
        return new Article(url, TestArticles.FETCHED, 200, "127.0.0.2", 1, null, Via.LINK,
                TestArticles.minimalContent(null, text));
    }

    @Test
    void withVersionsAChangedTextIsTheNextVersionAndATextWrittenBeforeIsADuplicate() {
        ArticleDeduper versions = new ArticleDeduper(new InMemoryWrittenKeys(), true);
        assertThat(versions.claim(text("http://h/v", "one"))).isEqualTo(1);
        assertThat(versions.claim(text("http://h/v", "one"))).isEqualTo(ArticleDeduper.DUPLICATE);
        assertThat(versions.claim(text("http://h/v#top", "two"))).isEqualTo(2);
        assertThat(versions.claim(text("http://h/v", "two"))).isEqualTo(ArticleDeduper.DUPLICATE);
        assertThat(versions.claim(text("http://h/v", "three"))).isEqualTo(3);
        assertThat(versions.claim(text("http://h/v", "one"))).isEqualTo(ArticleDeduper.DUPLICATE); // back to an old text
        assertThat(versions.claim(text("http://h/w", "two"))).isEqualTo(1); // texts are per article
        assertThat(versions.size()).as("lines: three versions of one article, one of another").isEqualTo(4);

        assertThat(deduper.claim(text("http://h/v", "one"))).isEqualTo(1); // without versions: once, whatever the text
        assertThat(deduper.claim(text("http://h/v", "two"))).isEqualTo(ArticleDeduper.DUPLICATE);
    }

    @Test
    void aFailedUpdateIsForgottenAndItsRetryGetsTheSameVersion() {
        ArticleDeduper versions = new ArticleDeduper(new InMemoryWrittenKeys(), true);
        assertThat(versions.claim(text("http://h/f", "one"))).isEqualTo(1);
        Article update = text("http://h/f", "two").withVersion(versions.claim(text("http://h/f", "two")));
        assertThat(update.version()).isEqualTo(2);
        versions.forget(update);
        assertThat(versions.claim(text("http://h/f", "two"))).isEqualTo(2);
    }

    /** A restart reads back the lines after the last recorded sync: each version's text and number are known again. */
    @Test
    void theVersionsOfEarlierLinesAreRememberedSoAReplayedRevisitWritesNothingAndANewTextComesNext() {
        ArticleDeduper before = new ArticleDeduper(new InMemoryWrittenKeys(), true);
        Article v1 = text("http://h/r", "one").withVersion(before.claim(text("http://h/r", "one")));
        Article v2 = text("http://h/r", "two").withVersion(before.claim(text("http://h/r", "two")));

        ArticleDeduper after = new ArticleDeduper(new InMemoryWrittenKeys(), true);
        after.remember(ArticleJson.toJson(v1));
        after.remember(ArticleJson.toJson(v2));
        assertThat(after.claim(text("http://h/r", "two"))).isEqualTo(ArticleDeduper.DUPLICATE);
        assertThat(after.claim(text("http://h/r", "one"))).isEqualTo(ArticleDeduper.DUPLICATE);
        assertThat(after.claim(text("http://h/r", "three"))).isEqualTo(3);

        ArticleDeduper lostV2 = new ArticleDeduper(new InMemoryWrittenKeys(), true); // v2's line did not survive
        lostV2.remember(ArticleJson.toJson(v1));
        assertThat(lostV2.claim(text("http://h/r", "two"))).isEqualTo(2);
    }
}
