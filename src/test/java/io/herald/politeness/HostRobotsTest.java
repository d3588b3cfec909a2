package io.herald.politeness;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import io.herald.politeness.Decision.Kind;
import io.herald.politeness.HostRobots.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The robots.txt stages of one host and what each lets the gate do. */
class HostRobotsTest {
    private static final String HOST = "http://news.test";
    private static final Duration TTL = Duration.ofHours(24);

    private final HostRobots robots = new HostRobots(HOST);

    private static SimpleRobotRules allowAll() {
        return new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
    }

    @Test
    void anUnknownRobotsTxtIsFetchedFirstFromTheDefaultUrl() {
        assertThat(robots.hold()).isNull();
        assertThat(robots.mustFetch()).isTrue();
        assertThat(robots.url()).isEqualTo(HOST + "/robots.txt");
        assertThat(robots.allows(HOST + "/anything")).as("nothing refused before rules are known").isTrue();
    }

    @Test
    void whileFetchingTheHostIsBlocked() {
        robots.fetching();
        assertThat(robots.hold()).isEqualTo(Decision.BLOCKED);
        assertThat(robots.mustFetch()).isFalse();
    }

    @Test
    void acceptedRulesLetTheClockDecideUntilTheyGoStale() {
        robots.fetching();
        robots.accept(allowAll(), "4xx-allow", 1_000, Duration.ZERO);
        assertThat(robots.stage()).isEqualTo(Stage.READY);
        assertThat(robots.hold()).isNull();
        assertThat(robots.mustFetch()).isFalse();
        robots.tick(1_000 + TTL.toMillis() - 1, TTL);
        assertThat(robots.mustFetch()).isFalse();
        robots.tick(1_000 + TTL.toMillis(), TTL);
        assertThat(robots.mustFetch()).as("stale: fetched again").isTrue();
        assertThat(robots.rules()).as("the old rules hold meanwhile").isNotNull();
    }

    @Test
    void redirectsAreFollowedUpToFiveHopsAndAStaleRefetchStartsAtTheDefaultUrlAgain() {
        for (int hop = 1; hop <= 5; hop++) {
            assertThat(robots.mayFollow("http://www.news.test/robots.txt")).isTrue();
            robots.fetching();
            robots.redirectTo("http://www.news.test/robots-" + hop + ".txt");
            assertThat(robots.mustFetch()).isTrue();
        }
        assertThat(robots.mayFollow("http://www.news.test/robots.txt")).isFalse();
        assertThat(robots.url()).isEqualTo("http://www.news.test/robots-5.txt");
        robots.accept(allowAll(), "fetched", 0, Duration.ZERO);
        robots.tick(TTL.toMillis(), TTL);
        assertThat(robots.url()).isEqualTo(HOST + "/robots.txt");
        assertThat(robots.mayFollow("http://www.news.test/robots.txt")).isTrue();
    }

    @Test
    void anUnreachableRobotsTxtWaitsForItsRetryThenIsAskedAgain() {
        robots.fetching();
        robots.unreachable(5_000, 2);
        assertThat(robots.hold()).isEqualTo(new Decision(Kind.WAIT, 5_000));
        robots.tick(4_999, TTL);
        assertThat(robots.hold()).isEqualTo(new Decision(Kind.WAIT, 5_000));
        robots.tick(5_000, TTL);
        assertThat(robots.hold()).isNull();
        assertThat(robots.mustFetch()).isTrue();
    }

    @Test
    void moreFailedRetriesThanAllowedGiveTheHostUpAndAcceptedRulesResetTheCount() {
        robots.unreachable(1, 1);
        robots.accept(allowAll(), "fetched", 2, Duration.ZERO);
        assertThat(robots.failures()).isZero();
        robots.unreachable(3, 1);
        robots.unreachable(4, 1);
        assertThat(robots.hold()).isEqualTo(Decision.GIVE_UP);
        assertThat(robots.skipReason()).isEqualTo("robots.txt unreachable after 2 tries");
        robots.tick(Long.MAX_VALUE, TTL);
        assertThat(robots.hold()).as("given up for good").isEqualTo(Decision.GIVE_UP);
    }

    @Test
    void restoredSitemapsAreAnnouncedOnceAndFetchedRulesAnnounceNone() {
        SimpleRobotRules rules = allowAll();
        rules.addSitemap("http://news.test/sitemap.xml");
        robots.restoreRules(rules, "fetched", false, 0, Duration.ZERO, true);
        robots.restoreReady(HOST + "/robots.txt");
        assertThat(robots.takeRestoredSitemaps()).containsExactly("http://news.test/sitemap.xml");
        assertThat(robots.takeRestoredSitemaps()).isEmpty();
        robots.restoreRules(rules, "fetched", false, 0, Duration.ZERO, true);
        robots.accept(rules, "fetched", 1, Duration.ZERO);
        assertThat(robots.takeRestoredSitemaps()).isEmpty();
    }
}
