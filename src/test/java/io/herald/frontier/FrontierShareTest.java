package io.herald.frontier;

import io.herald.config.CrawlConfig;
import io.herald.model.CrawlUrl;
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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A frontier that owns a share of the hosts (cluster mode): what it queues, hands over, and marks done when. */
class FrontierShareTest {
    private static final String MINE = "http://news.test/";
    private static final String THEIRS = "http://other.test/";
    private final FakeClock clock = new FakeClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Share share = new Share();

    /**
     * Owns news.test (and whatever else {@link #mine} says); keeps what is handed over and the work waiting for
     * delivery. {@link #changed} makes the next refresh report a new share.
     */
    private static final class Share implements HostShare {
        final List<CrawlUrl> handed = new ArrayList<>();
        final List<Runnable> waiting = new ArrayList<>();
        final Set<String> mine = new HashSet<>(Set.of("http://news.test"));
        final Map<String, Long> availableAt = new HashMap<>();
        final Map<String, String> previous = new HashMap<>();
        final List<CrawlUrl> checked = new ArrayList<>();
        boolean lastIdle;
        boolean changed;
        boolean settling;
        int settledCalls;

        @Override
        public boolean owns(String hostKey) {
            return mine.contains(hostKey);
        }

        @Override
        public String previousOwner(String hostKey) {
            return previous.get(hostKey);
        }

        @Override
        public void check(CrawlUrl url, String previousOwner) {
            assertThat(previousOwner).isEqualTo(previous.get(url.hostKey()));
            checked.add(url);
        }

        @Override
        public boolean refresh() {
            boolean was = changed;
            if (changed) {
                settling = true;
            }
            changed = false;
            return was;
        }

        @Override
        public long availableAt(String hostKey) {
            return availableAt.getOrDefault(hostKey, 0L);
        }

        @Override
        public boolean settling() {
            return settling;
        }

        @Override
        public void settled() {
            settling = false;
            settledCalls++;
        }

        @Override
        public void handOver(CrawlUrl url) {
            handed.add(url);
        }

        @Override
        public boolean holdBack() {
            return false;
        }

        @Override
        public boolean crawlOver(boolean idleHere) {
            lastIdle = idleHere;
            return false; // the rest of the cluster is never done here
        }

        @Override
        public void whenDelivered(Runnable then) {
            waiting.add(then);
        }

        @Override
        public void runDelivered() {
        }
    }

    private Frontier frontier() {
        CrawlConfig config = TestConfigs.crawl(List.of(MINE, THEIRS), TestConfigs.politeness(Duration.ZERO, 1),
                Path.of("out"));
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        Frontier frontier = new Frontier(config, new InMemoryFrontierStore(), new InMemorySeenSet(), gate, clock,
                registry, RevisitStore.NONE, share);
        frontier.seed();
        return frontier;
    }

    @Test
    void onlyTheSeedsOfOwnHostsAreQueuedAndNothingOfTheOthersIsFetched() {
        Frontier frontier = frontier();
        List<String> fetched = drain(frontier);
        assertThat(fetched).containsExactly("http://news.test/robots.txt", MINE);
        assertThat(share.handed).as("every node has the seeds: none is sent").isEmpty();
    }

    @Test
    void aLinkToAnotherNodesHostIsHandedOverNotQueuedAndThePageIsDoneOnceItIsDelivered() {
        Frontier frontier = frontier();
        FetchTask robots = frontier.poll();
        frontier.onFetched(fetched(robots));
        FetchTask seed = frontier.poll();
        frontier.onFetched(fetched(seed));
        frontier.onProcessed(new Processed(seed.target(), List.of(new DiscoveredLink(MINE + "a", Via.LINK),
                new DiscoveredLink(THEIRS + "b", Via.LINK)), false, PageType.OTHER));

        assertThat(share.handed).extracting(CrawlUrl::url).containsExactly(THEIRS + "b");
        assertThat(share.handed.get(0).depth()).isEqualTo(1);
        assertThat(share.handed.get(0).referrer()).isEqualTo(MINE);
        assertThat(registry.get("herald.frontier.urls").tag("event", "handed_over").counter().count()).isEqualTo(1);
        assertThat(share.waiting).as("the seed's done waits for its link's delivery").hasSize(1);
        assertThat(drain(frontier)).containsExactly(MINE + "a");
    }

    @Test
    void aLinkOnEveryPageIsHandedOverOnceNotWithEachPage() {
        Frontier frontier = frontier();
        frontier.onFetched(fetched(frontier.poll())); // robots.txt
        FetchTask seed = frontier.poll();
        frontier.onFetched(fetched(seed));
        frontier.onProcessed(new Processed(seed.target(), List.of(new DiscoveredLink(MINE + "a", Via.LINK),
                new DiscoveredLink(THEIRS + "nav", Via.LINK)), false, PageType.OTHER));
        FetchTask next = frontier.poll();
        frontier.onFetched(fetched(next));
        frontier.onProcessed(new Processed(next.target(), List.of(new DiscoveredLink(THEIRS + "nav", Via.LINK)), false,
                PageType.OTHER));

        assertThat(next.target().url()).isEqualTo(MINE + "a");
        assertThat(share.handed).extracting(CrawlUrl::url).containsExactly(THEIRS + "nav");
        assertThat(registry.get("herald.frontier.urls").tag("event", "duplicate").counter().count()).isEqualTo(1);
    }

    @Test
    void urlsHandedOverByAnotherNodeAreAdmittedHereOnce() {
        Frontier frontier = frontier();
        CrawlUrl sent = new CrawlUrl(MINE + "x", "http://news.test", 2, THEIRS, Via.LINK, 0, 0);
        frontier.onHandedOver(List.of(sent, sent), "b");
        assertThat(drain(frontier)).containsExactly("http://news.test/robots.txt", MINE, MINE + "x");
        assertThat(registry.get("herald.frontier.urls").tag("event", "duplicate").counter().count()).isEqualTo(1);
        assertThat(frontier.isFinished()).isFalse();
        assertThat(share.lastIdle).as("idle here, but the cluster decides the end").isTrue();
    }

    @Test
    void aHostGivenAwayHandsItsQueueOverAndEachUrlIsDoneOnlyOnceDelivered() {
        share.mine.add("http://other.test");
        Frontier frontier = frontier();
        frontier.onFetched(fetched(frontier.poll())); // news.test robots.txt
        frontier.onHandedOver(List.of(new CrawlUrl(THEIRS + "1", "http://other.test", 1, MINE, Via.LINK, 0, 0),
                new CrawlUrl(THEIRS + "2", "http://other.test", 1, MINE, Via.LINK, 0, 0)), "b");

        share.mine.remove("http://other.test"); // a node joined and took other.test
        share.changed = true;
        List<String> fetched = drain(frontier);

        assertThat(fetched).as("nothing of other.test is asked once it is another node's")
                .noneMatch(url -> url.startsWith(THEIRS));
        assertThat(share.handed).extracting(CrawlUrl::url).contains(THEIRS, THEIRS + "1", THEIRS + "2");
        assertThat(share.waiting).as("each waits for its delivery before it is done here").hasSizeGreaterThanOrEqualTo(3);
        assertThat(share.settledCalls).as("nothing was in flight to other.test").isEqualTo(1);
    }

    @Test
    void theShareIsSettledOnlyOnceNoRequestToAHostGivenAwayIsInFlight() {
        share.mine.add("http://other.test");
        Frontier frontier = frontier();
        FetchTask first = frontier.poll();
        FetchTask second = frontier.poll();
        FetchTask toOther = first.target().hostKey().equals("http://other.test") ? first : second;
        assertThat(toOther.target().hostKey()).isEqualTo("http://other.test");

        share.mine.remove("http://other.test");
        share.changed = true;
        frontier.poll();
        assertThat(share.settledCalls).as("other.test's robots.txt is still in flight").isZero();

        frontier.onFetched(fetched(toOther));
        frontier.poll();
        assertThat(share.settledCalls).isEqualTo(1);
    }

    @Test
    void aHostGainedIsNotAskedBeforeItIsAvailable() {
        Frontier frontier = frontier();
        share.mine.add("http://other.test");
        share.availableAt.put("http://other.test", Long.MAX_VALUE); // the old owner has not said it stopped
        share.changed = true;
        frontier.onHandedOver(List.of(new CrawlUrl(THEIRS + "1", "http://other.test", 1, MINE, Via.LINK, 0, 0)), "b");
        assertThat(drain(frontier)).noneMatch(url -> url.startsWith(THEIRS));

        share.availableAt.put("http://other.test", clock.millis() + 5_000); // everyone stopped; then the cooldown
        share.changed = true;
        assertThat(drain(frontier)).isEmpty();
        clock.advance(Duration.ofMillis(4_999));
        assertThat(drain(frontier)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(drain(frontier)).containsExactly("http://other.test/robots.txt", THEIRS + "1");
    }

    @Test
    void aUrlNewHereOfAHostGainedFromALiveNodeIsCheckedWithItBeforeItIsQueued() {
        Frontier frontier = frontier();
        frontier.onFetched(fetched(frontier.poll())); // robots.txt
        FetchTask seed = frontier.poll();
        frontier.onFetched(fetched(seed));
        share.mine.add("http://other.test");
        share.previous.put("http://other.test", "p");
        share.changed = true;
        frontier.onProcessed(new Processed(seed.target(), List.of(new DiscoveredLink(THEIRS + "old", Via.LINK),
                new DiscoveredLink(THEIRS + "old", Via.LINK)), false, PageType.OTHER));
        assertThat(share.checked).as("asked once, not queued").extracting(CrawlUrl::url).containsExactly(THEIRS + "old");
        assertThat(drain(frontier)).isEmpty();

        frontier.onHandedOver(List.of(share.checked.get(0)), "p"); // p had not seen it
        frontier.onHandedOver(List.of(new CrawlUrl(THEIRS + "new", "http://other.test", 1, MINE, Via.LINK, 0, 0)), "c");
        assertThat(share.checked).as("from another node: asked too").extracting(CrawlUrl::url)
                .containsExactly(THEIRS + "old", THEIRS + "new");
        assertThat(drain(frontier)).containsExactly("http://other.test/robots.txt", THEIRS + "old");
    }

    @Test
    void aNodeAskedAboutAHostItOwnedBeforeDropsWhatItSawAndPassesOnTheRest() {
        share.mine.add("http://other.test");
        Frontier frontier = frontier();
        frontier.onHandedOver(List.of(new CrawlUrl(THEIRS + "seen", "http://other.test", 1, MINE, Via.LINK, 0, 0)), "c");
        share.mine.remove("http://other.test"); // it moved to d, which asks this node
        share.changed = true;
        drain(frontier);
        share.handed.clear();
        boolean passedOn = frontier.onHandedOver(List.of(
                new CrawlUrl(THEIRS + "seen", "http://other.test", 1, MINE, Via.LINK, 0, 0),
                new CrawlUrl(THEIRS + "unseen", "http://other.test", 1, MINE, Via.LINK, 0, 0)), "d");
        assertThat(passedOn).isTrue();
        assertThat(share.handed).extracting(CrawlUrl::url).containsExactly(THEIRS + "unseen");
    }

    @Test
    void aUrlTakenOverFromADroppedNodesQueueIsQueuedEvenIfSeenHere() {
        Frontier frontier = frontier();
        drain(frontier); // robots.txt and the seed: both seen here
        frontier.onHandedOver(List.of(new CrawlUrl(MINE, "http://news.test", 0, null, Via.SEED, 0, 0)), "");
        assertThat(drain(frontier)).as("this node handed it to the dropped node once; it never crawled it")
                .containsExactly(MINE);
        frontier.onHandedOver(List.of(new CrawlUrl(MINE, "http://news.test", 0, null, Via.SEED, 0, 0)), "c");
        assertThat(drain(frontier)).as("from another node, a seen URL is a duplicate").isEmpty();
    }

    /** Fetches everything due, reporting each page processed without links; the URLs in order. */
    private List<String> drain(Frontier frontier) {
        List<String> urls = new ArrayList<>();
        FetchTask task;
        while ((task = frontier.poll()) != null) {
            urls.add(task.target().url());
            frontier.onFetched(fetched(task));
            if (!task.isRobots()) {
                frontier.onProcessed(new Processed(task.target(), List.of(), false, PageType.OTHER));
            }
        }
        return urls;
    }

    private static FetchResult fetched(FetchTask task) {
        return new FetchResult.Fetched(task, Duration.ofMillis(1), Duration.ofMillis(1), 200,
                task.isRobots() ? "text/plain" : "text/html", new byte[0], Instant.EPOCH,
                Validators.NONE);
    }
}
