package io.herald.frontier;

import io.herald.config.RecrawlConfig;
import io.herald.model.Validators;
import io.herald.testing.FakeClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevisitScheduleTest {
    private static final String FRONT = "http://news.test/";
    private static final String FEED = "http://news.test/feed.xml";
    private static final RecrawlConfig RECRAWL = new RecrawlConfig(Duration.ofSeconds(60), Duration.ofSeconds(600), 3,
            0, Duration.ofHours(1));

    private final FakeClock clock = new FakeClock();
    private final List<Hub> saved = new ArrayList<>();
    private final RevisitStore store = new RevisitStore() {
        @Override
        public List<Hub> load() {
            return List.copyOf(saved);
        }

        @Override
        public void save(Hub hub) {
            saved.removeIf(h -> h.url().equals(hub.url()));
            saved.add(hub);
        }

        @Override
        public void remove(String url) {
            saved.removeIf(h -> h.url().equals(url));
        }
    };

    private RevisitSchedule schedule() {
        return new RevisitSchedule(RECRAWL, clock, store);
    }

    /** Takes the hub when due and visits it, finding {@code newLinks}; answers its next interval in seconds. */
    private long revisit(RevisitSchedule schedule, String url, int newLinks) {
        clock.advanceMillis(schedule.nextDueAt() - clock.millis());
        assertThat(schedule.takeDue()).extracting(Hub::url).containsExactly(url);
        assertThat(schedule.isPending(url)).isTrue();
        schedule.visited(url, false, 0, newLinks, null);
        assertThat(schedule.isPending(url)).isFalse();
        return (schedule.nextDueAt() - clock.millis()) / 1000;
    }

    @Test
    void aHubIsFirstRevisitedOneMinimumIntervalAfterItsFirstVisit() {
        RevisitSchedule schedule = schedule();
        schedule.visited(FRONT, false, 0, 12, null);
        assertThat(schedule.isHub(FRONT)).isTrue();
        assertThat(schedule.nextDueAt() - clock.millis()).isEqualTo(60_000);
        assertThat(schedule.takeDue()).isEmpty();
        clock.advanceMillis(59_999);
        assertThat(schedule.takeDue()).isEmpty();
        clock.advanceMillis(1);
        assertThat(schedule.takeDue()).extracting(Hub::url).containsExactly(FRONT);
    }

    @Test
    void quietVisitsGrowTheIntervalUpToTheMaximumAndNewLinksHalveItDownToTheMinimum() {
        RevisitSchedule schedule = schedule();
        schedule.visited(FRONT, false, 0, 1, null);
        List<Long> intervals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            intervals.add(revisit(schedule, FRONT, 0));
        }
        assertThat(intervals).containsExactly(90L, 135L, 202L, 303L, 455L, 600L, 600L);
        assertThat(revisit(schedule, FRONT, 3)).isEqualTo(300);
        assertThat(revisit(schedule, FRONT, 1)).isEqualTo(150);
        assertThat(revisit(schedule, FRONT, 1)).isEqualTo(75);
        assertThat(revisit(schedule, FRONT, 1)).isEqualTo(60);
        assertThat(revisit(schedule, FRONT, 1)).isEqualTo(60);
    }

    @Test
    void aTakenHubThatNeverReportsBackComesDueAgainAfterTheMaximum() {
        RevisitSchedule schedule = schedule();
        schedule.visited(FRONT, false, 0, 1, null);
        clock.advanceMillis(60_000);
        assertThat(schedule.takeDue()).hasSize(1);
        assertThat(schedule.takeDue()).isEmpty();
        assertThat(schedule.nextDueAt() - clock.millis()).isEqualTo(600_000);
    }

    @Test
    void manyVisitsKeepOneQueueEntryPerHubAndHandEachDueHubOutOnce() {
        RevisitSchedule schedule = schedule();
        schedule.visited(FRONT, false, 0, 1, null);
        schedule.visited(FEED, true, 0, 1, null);
        for (int i = 0; i < 50; i++) {
            clock.advanceMillis(schedule.nextDueAt() - clock.millis());
            for (Hub hub : schedule.takeDue()) { // visited in the same millisecond as taken
                schedule.visited(hub.url(), hub.feed(), 0, i % 7 == 0 ? 1 : 0, null);
            }
            assertThat(schedule.size()).isEqualTo(2);
        }
        // At the maximum interval a visit reported at once lands on the provisional time: still one entry each.
        for (int i = 0; i < 10; i++) {
            clock.advanceMillis(schedule.nextDueAt() - clock.millis());
            List<Hub> due = schedule.takeDue();
            assertThat(due).extracting(Hub::url).doesNotHaveDuplicates();
            due.forEach(hub -> schedule.visited(hub.url(), hub.feed(), 0, 0, null));
        }
        assertThat(schedule.nextDueAt() - clock.millis()).isEqualTo(600_000);
        clock.advanceMillis(600_000);
        assertThat(schedule.takeDue()).extracting(Hub::url).containsExactlyInAnyOrder(FRONT, FEED);
        assertThat(schedule.takeDue()).isEmpty();
        assertThat(schedule.size()).isEqualTo(2);
    }

    @Test
    void validatorsOfAFullResponseAreKeptOnlyOnceItsPageIsReadAndA304KeepsThem() {
        RevisitSchedule schedule = schedule();
        schedule.fetched(FEED, new Validators("\"v1\"", "Tue, 01 Dec 2026 10:00:00 GMT"));
        assertThat(schedule.validators(FEED)).isEqualTo(Validators.NONE);
        schedule.visited(FEED, true, 0, 4, null);
        assertThat(schedule.validators(FEED).etag()).isEqualTo("\"v1\"");
        clock.advanceMillis(60_000);
        schedule.takeDue();
        schedule.visited(FEED, true, 0, 0, null); // a 304 that carried none
        assertThat(schedule.validators(FEED).etag()).isEqualTo("\"v1\"");
        schedule.forget("http://news.test/story"); // no hub: nothing happens
        assertThat(schedule.isHub("http://news.test/story")).isFalse();
    }

    @Test
    void noMoreThanMaxHubsAreScheduled() {
        RevisitSchedule schedule = schedule();
        for (int i = 0; i < 5; i++) {
            schedule.visited("http://news.test/section/" + i, false, 1, 1, null);
        }
        assertThat(schedule.size()).isEqualTo(3);
        assertThat(schedule.addDueNow(FRONT, false, 0)).isFalse();
    }

    @Test
    void aReopenedScheduleKeepsEveryHubAndItsTimesAndASeedKnownBeforeIsDueAtOnce() {
        RevisitSchedule first = schedule();
        first.visited(FEED, true, 0, 2, new Validators("\"e\"", null));
        assertThat(first.addDueNow(FRONT, false, 0)).isTrue();
        RevisitSchedule reopened = schedule();
        assertThat(reopened.size()).isEqualTo(2);
        assertThat(reopened.validators(FEED).etag()).isEqualTo("\"e\"");
        assertThat(reopened.soonest(5)).extracting(Hub::url).containsExactly(FRONT, FEED);
        assertThat(reopened.takeDue()).extracting(Hub::url).containsExactly(FRONT);
    }

    private static final String STORY = "http://news.test/story/1";

    @Test
    void anArticleIsRevisitedArticleRevisitsTimesArticleIntervalApartThenForgotten() {
        RevisitSchedule schedule = new RevisitSchedule(new RecrawlConfig(Duration.ofSeconds(60),
                Duration.ofSeconds(600), 10, 2, Duration.ofSeconds(30)), clock, store);
        schedule.fetched(STORY, new Validators("\"s1\"", null));
        schedule.articleRead(STORY, 1);
        assertThat(schedule.isHub(STORY)).isTrue();
        assertThat(schedule.validators(STORY).etag()).isEqualTo("\"s1\"");
        assertThat(schedule.nextDueAt() - clock.millis()).isEqualTo(30_000);
        assertThat(saved).singleElement().extracting(Hub::revisitsLeft).isEqualTo(2);

        clock.advanceMillis(30_000);
        assertThat(schedule.takeDue()).extracting(Hub::url).containsExactly(STORY);
        schedule.visited(STORY, false, 1, 5, new Validators("\"s2\"", null)); // new links do not shorten it
        assertThat(schedule.nextDueAt() - clock.millis()).isEqualTo(30_000);
        assertThat(schedule.validators(STORY).etag()).isEqualTo("\"s2\"");
        assertThat(schedule().soonest(1)).singleElement() // kept across a restart, with one visit left
                .extracting(Hub::article, Hub::revisitsLeft).containsExactly(true, 1);
        assertThat(saved).singleElement().extracting(Hub::revisitsLeft).isEqualTo(1);

        clock.advanceMillis(30_000);
        assertThat(schedule.takeDue()).extracting(Hub::url).containsExactly(STORY);
        schedule.visited(STORY, false, 1, 0, null); // a 304: the last visit all the same
        assertThat(schedule.isHub(STORY)).isFalse();
        assertThat(schedule.nextDueAt()).isEqualTo(Long.MAX_VALUE);
        assertThat(saved).isEmpty();
        schedule.articleRead(STORY, 1); // read again by other means: not scheduled twice over
        assertThat(schedule.isHub(STORY)).isTrue();
    }

    @Test
    void withoutArticleRevisitsAnArticleIsNotScheduled() {
        RevisitSchedule schedule = schedule();
        schedule.fetched(STORY, new Validators("\"s1\"", null));
        schedule.articleRead(STORY, 1);
        assertThat(schedule.isHub(STORY)).isFalse();
        assertThat(saved).isEmpty();
    }
}
