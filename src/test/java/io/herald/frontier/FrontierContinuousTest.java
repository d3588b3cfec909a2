package io.herald.frontier;

import io.herald.config.CrawlConfig;
import io.herald.config.JobConfig;
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
        CrawlConfig config = withMode(withRecrawl(TestConfigs.crawl(List.of(SEED),
                TestConfigs.politeness(Duration.ZERO, 1), Path.of("out")),
                TestConfigs.recrawl(Duration.ofSeconds(60), Duration.ofSeconds(600))), mode);
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
        FetchTask robots = frontier.poll();
        frontier.onFetched(new FetchResult.Fetched(robots, Duration.ofMillis(1), Duration.ofMillis(1), 200, "text/plain",
                "User-agent: *\nDisallow:\n".getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Validators.NONE));
        return frontier;
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
