package io.herald.frontier;

import io.herald.config.ScopeConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinkMemoTest {
    private final Scope scope = new Scope(ScopeConfig.of(Set.of("news.test"), List.of(), List.of()));

    @Test
    void judgesLikeNormaliserAndScopeAndRemembersTheVerdict() {
        LinkMemo memo = new LinkMemo(new UrlNormalizer(List.of("utm_*")), scope, 10);
        assertThat(memo.judge("HTTP://News.test/a?utm_source=x#top")).isEqualTo(new LinkMemo.Verdict("http://news.test/a", true));
        assertThat(memo.judge("http://other.test/a")).isEqualTo(new LinkMemo.Verdict("http://other.test/a", false));
        assertThat(memo.judge("mailto:desk@news.test")).isEqualTo(new LinkMemo.Verdict(null, false));
        LinkMemo.Verdict first = memo.judge("http://news.test/b");
        assertThat(memo.judge("http://news.test/b")).isSameAs(first);
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        LinkMemo memo = new LinkMemo(new UrlNormalizer(List.of()), scope, 2);
        LinkMemo.Verdict a = memo.judge("http://news.test/a");
        memo.judge("http://news.test/b");
        memo.judge("http://news.test/c");
        assertThat(memo.judge("http://news.test/a")).isNotSameAs(a).isEqualTo(a);
    }

    @Test
    void remembersThatAUrlIsSeenForEveryLaterOfferOfTheSameRawLink() {
        LinkMemo memo = new LinkMemo(new UrlNormalizer(List.of()), scope, 10);
        LinkMemo.Verdict first = memo.judge("http://news.test/a");
        assertThat(first.knownSeen()).isFalse();
        first.markSeen();
        assertThat(memo.judge("http://news.test/a").knownSeen()).isTrue();
        assertThat(memo.judge("http://news.test/b").knownSeen()).isFalse();
    }
}
