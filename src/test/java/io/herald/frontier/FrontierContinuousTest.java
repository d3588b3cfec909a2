package io.herald.frontier;

import io.herald.config.CrawlConfig;
import io.herald.config.JobConfig;
import io.herald.config.PolitenessConfig;
import io.herald.config.RecrawlConfig;
import io.herald.model.DiscoveredLink;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.PageType;
import io.herald.model.Processed;
import io.herald.model.Validators;
import io.herald.model.Via;
import io.herald.politeness.PolitenessGate;
import io.herald.testing.FakeClock;
import io.herald.testing.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.herald.testing.ConfigSections.withMode;
import static io.herald.testing.ConfigSections.withRecrawl;
import static org.assertj.core.api.Assertions.assertThat;

/** The frontier in {@code crawl.mode: continuous}, on a fake clock: hubs come back when due, with their validators. */
class FrontierContinuousTest {
    private static final String SEED = "http://news.test/";
    private static final Validators FRONT_V1 = new Validators("\"v1\"", null);
    private final FakeClock clock = new FakeClock();
    private final List<Hub> saved = new ArrayList<>();

    private Frontier frontier(JobConfig.Mode mode) {
        return frontier(mode, TestConfigs.politeness(Duration.ZERO, 1),
                TestConfigs.recrawl(Duration.ofSeconds(60), Duration.ofSeconds(600)));
    }

    private Frontier frontier(JobConfig.Mode mode, PolitenessConfig politeness, RecrawlConfig recrawl) {
        CrawlConfig config = withMode(withRecrawl(TestConfigs.crawl(List.of(SEED), politeness, Path.of("out")),
                recrawl), mode);
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        Frontier frontier = new Frontier(config, new InMemoryFrontierStore(), new InMemorySeenSet(), gate, clock,
                new SimpleMeterRegistry(), new RevisitStore() {
                    @Override
                    public List<Hub> load() {
                        return List.of();
                    }

                    @Override
                    public void save(Hub hub) {
                        saved.add(hub);
                    }

                    @Override
                    public void remove(String url) {
                    }
                }, HostShare.WHOLE);
        frontier.seed();
        answerRobots(frontier, frontier.poll(), "");
        return frontier;
    }

    private static void answerRobots(Frontier frontier, FetchTask robots, String disallow) {
        assertThat(robots.isRobots()).isTrue();
        frontier.onFetched(new FetchResult.Fetched(robots, Duration.ofMillis(1), Duration.ofMillis(1), 200, "text/plain",
                ("User-agent: *\nDisallow: " + disallow + "\n").getBytes(StandardCharsets.UTF_8), Instant.EPOCH,
                Validators.NONE));
    }

    /** Politeness with robots rules trusted for only {@code robotsTtl}, so a test can change them between visits. */
    private static PolitenessConfig robotsTrustedFor(Duration robotsTtl) {
        return new PolitenessConfig("HeraldTest/1.0", "heraldbot", Duration.ZERO, Duration.ofSeconds(30), 1, 0,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 2, robotsTtl, 100, Duration.ofMinutes(2), 3,
                Duration.ZERO);
    }

    private static void read(Frontier frontier, FetchTask task, PageType type, String... links) {
        frontier.onFetched(new FetchResult.Fetched(task, Duration.ofMillis(1), Duration.ofMillis(1), 200, "text/html",
                new byte[0], Instant.EPOCH, FRONT_V1));
        List<DiscoveredLink> found = new ArrayList<>();
        for (String link : links) {
            found.add(new DiscoveredLink(link, Via.LINK));
        }
        frontier.onProcessed(new Processed(task.target(), found, type == PageType.ARTICLE, type));
    }

    @Test
    void theSeedComesBackWhenDueWithItsValidatorsOutsideThePageBudgetAndA304EndsTheVisit() {
        Frontier frontier = frontier(JobConfig.Mode.CONTINUOUS);
        FetchTask seed = frontier.poll();
        assertThat(seed.validators()).isEqualTo(Validators.NONE);
        read(frontier, seed, PageType.FRONT, "http://news.test/story/1");
        read(frontier, frontier.poll(), PageType.ARTICLE);
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.isFinished()).as("a continuous crawl waits for its hubs").isFalse();
        assertThat(frontier.nextWakeAt()).isEqualTo(clock.millis() + 60_000);
        assertThat(frontier.status(10).revisits().scheduled()).as("the seed; the article is no hub").isEqualTo(1);

        clock.advanceMillis(60_000);
        FetchTask revisit = frontier.poll();
        assertThat(revisit.target().url()).isEqualTo(SEED);
        assertThat(revisit.validators()).isEqualTo(FRONT_V1);
        assertThat(frontier.status(10).pagesStarted()).as("a revisit is no new page").isEqualTo(2);
        frontier.onFetched(new FetchResult.NotModified(revisit, Duration.ofMillis(1), Duration.ofMillis(1), FRONT_V1));
        assertThat(frontier.status(10).pagesInFlight()).isZero();
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.nextWakeAt()).as("nothing new: the interval grows by half").isEqualTo(clock.millis() + 90_000);

        clock.advanceMillis(90_000);
        FetchTask again = frontier.poll();
        read(frontier, again, PageType.FRONT, "http://news.test/story/1", "http://news.test/story/2");
        FetchTask story = frontier.poll();
        assertThat(story.target().url()).isEqualTo("http://news.test/story/2");
        read(frontier, story, PageType.ARTICLE);
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.nextWakeAt()).as("a new link: the interval halves (90 s to the 60 s minimum)")
                .isEqualTo(clock.millis() + 60_000);
        assertThat(frontier.status(10).revisits().next().get(0).intervalSeconds()).isEqualTo(60.0);
        assertThat(saved).extracting(Hub::url).containsOnly(SEED);
    }

    @Test
    void aHubRevisitRefusedByRobotsCountsAsAQuietVisitAndComesBackOnItsGrownInterval() {
        Frontier frontier = frontier(JobConfig.Mode.CONTINUOUS, robotsTrustedFor(Duration.ofSeconds(60)),
                TestConfigs.recrawl(Duration.ofSeconds(60), Duration.ofSeconds(600)));
        read(frontier, frontier.poll(), PageType.FRONT);
        assertThat(frontier.poll()).isNull();

        clock.advanceMillis(60_000); // the seed is due and the robots rules are stale
        answerRobots(frontier, frontier.poll(), "/");
        assertThat(frontier.poll()).as("refused by robots.txt").isNull();
        assertThat(frontier.nextWakeAt()).as("nothing found: the interval grows by half")
                .isEqualTo(clock.millis() + 90_000);

        clock.advanceMillis(90_000);
        answerRobots(frontier, frontier.poll(), "/"); // the hub is back: its host asks robots.txt again
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.nextWakeAt()).isEqualTo(clock.millis() + 135_000);
        assertThat(frontier.status(10).revisits().scheduled()).isEqualTo(1);
    }

    @Test
    void anArticleRevisitRefusedByRobotsUsesUpOneOfItsVisits() {
        Frontier frontier = frontier(JobConfig.Mode.CONTINUOUS, robotsTrustedFor(Duration.ofSeconds(30)),
                new RecrawlConfig(Duration.ofSeconds(600), Duration.ofSeconds(3600), 10, 2, Duration.ofSeconds(30)));
        long start = clock.millis();
        read(frontier, frontier.poll(), PageType.FRONT, "http://news.test/story/1");
        read(frontier, frontier.poll(), PageType.ARTICLE);
        assertThat(frontier.status(10).revisits().scheduled()).as("the seed and the story").isEqualTo(2);

        for (int visit = 0; visit < 2; visit++) {
            clock.advanceMillis(30_000); // the story is due and the robots rules are stale
            answerRobots(frontier, frontier.poll(), "/story/");
            assertThat(frontier.poll()).as("refused by robots.txt").isNull();
        }
        assertThat(frontier.status(10).revisits().scheduled()).as("the story's two visits are used up")
                .isEqualTo(1);
        assertThat(frontier.nextWakeAt()).as("only the seed is left").isEqualTo(start + 600_000);
    }

    @Test
    void onceModeSchedulesNothingAndFinishes() {
        Frontier frontier = frontier(JobConfig.Mode.ONCE);
        read(frontier, frontier.poll(), PageType.FRONT);
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.isFinished()).isTrue();
        assertThat(frontier.nextWakeAt()).isEqualTo(Long.MAX_VALUE);
        assertThat(frontier.status(10).revisits().scheduled()).isZero();
        assertThat(saved).isEmpty();
    }
}
