package io.herald.frontier;

import io.herald.model.Validators;

import io.herald.config.CrawlConfig;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.PageType;
import io.herald.model.Processed;
import io.herald.politeness.PolitenessGate;
import io.herald.testing.FakeClock;
import io.herald.testing.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskDispatcherTest {
    private final FakeClock clock = new FakeClock();
    private final List<Long> timers = new ArrayList<>();
    private final List<String> finished = new ArrayList<>();
    private final Frontier frontier = frontier();
    private final TaskDispatcher dispatcher = new TaskDispatcher(frontier, clock, new TaskDispatcher.Effects() {
        @Override public void armTimer(long delayMs) { timers.add(delayMs); }
        @Override public void resolve(String hostKey) { dispatcher().resolved(hostKey, null); }
        @Override public void finished(String reason) { finished.add(reason); }
    });

    private TaskDispatcher dispatcher() {
        return dispatcher;
    }

    private Frontier frontier() {
        CrawlConfig config = TestConfigs.crawl(List.of("http://news.test/"),
                TestConfigs.politeness(Duration.ofSeconds(1), 1), Path.of("out"));
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        Frontier frontier = new Frontier(config, new InMemoryFrontierStore(), new InMemorySeenSet(), gate, clock,
                new SimpleMeterRegistry(), RevisitStore.NONE, HostShare.WHOLE);
        frontier.seed();
        return frontier;
    }

    private static FetchResult ok(FetchTask task) {
        return new FetchResult.Fetched(task, Duration.ofMillis(1), Duration.ofMillis(1), 200, "text/plain",
                new byte[0], Instant.EPOCH, Validators.NONE);
    }

    @Test
    void aSlotWaitsForTheHostsDelayOnOneTimerThenGetsItsTask() {
        List<FetchTask> first = new ArrayList<>();
        List<FetchTask> second = new ArrayList<>();
        dispatcher.ask(first::add);
        assertThat(first).singleElement().extracting(FetchTask::kind).isEqualTo(FetchTask.Kind.ROBOTS);
        dispatcher.ask(second::add);
        assertThat(second).as("the host is busy with its robots.txt").isEmpty();
        assertThat(timers).as("the end of the robots request wakes the host, not a timer").isEmpty();

        frontier.onFetched(ok(first.get(0)));
        dispatcher.pump();
        assertThat(second).isEmpty();
        assertThat(timers).as("one timer for the host's delay").containsExactly(1000L);
        dispatcher.pump();
        assertThat(timers).as("no second timer for the same wake time").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.timerFired();
        assertThat(second).singleElement().extracting(task -> task.target().url()).isEqualTo("http://news.test/");
    }

    @Test
    void whenTheCrawlEndsEveryWaitingSlotGetsNullAndTheEndIsReportedOnce() {
        List<FetchTask> tasks = new ArrayList<>();
        dispatcher.ask(tasks::add);
        frontier.onFetched(ok(tasks.get(0)));
        clock.advance(Duration.ofSeconds(1));
        dispatcher.ask(tasks::add);
        FetchTask page = tasks.get(1);
        dispatcher.ask(tasks::add);
        dispatcher.ask(tasks::add);
        assertThat(tasks).as("the page is in flight: the last two slots wait").hasSize(2);
        assertThat(finished).isEmpty();

        frontier.onFetched(ok(page));
        frontier.onProcessed(new Processed(page.target(), List.of(), false, PageType.OTHER));
        dispatcher.pump();
        assertThat(tasks).hasSize(4);
        assertThat(tasks.subList(2, 4)).as("the two waiting slots").containsOnlyNulls();
        assertThat(finished).containsExactly("frontier exhausted");
        dispatcher.ask(tasks::add);
        assertThat(tasks).hasSize(5);
        assertThat(tasks.get(4)).as("a slot asking after the end").isNull();
        assertThat(finished).as("reported once").hasSize(1);
    }
}
