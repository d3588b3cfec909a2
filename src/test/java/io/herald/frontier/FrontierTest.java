package io.herald.frontier;

import io.herald.model.Validators;

import io.herald.config.CrawlConfig;
import io.herald.config.DiscoveryConfig;
import io.herald.model.CrawlUrl;
import io.herald.model.Discovered;
import io.herald.model.DiscoveredLink;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.PageType;
import io.herald.model.Processed;
import io.herald.model.Via;
import io.herald.politeness.PolitenessGate;
import io.herald.testing.FakeClock;
import io.herald.testing.MapHostStore;
import io.herald.testing.TestConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.herald.testing.ConfigSections.withDiscovery;
import static org.assertj.core.api.Assertions.assertThat;

class FrontierTest {
    private static final String SEED = "http://news.test/";
    private final FakeClock clock = new FakeClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Frontier frontier(CrawlConfig config) {
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        Frontier frontier = new Frontier(config, new InMemoryFrontierStore(), new InMemorySeenSet(), gate, clock, registry,
                RevisitStore.NONE, HostShare.WHOLE);
        frontier.seed();
        return frontier;
    }

    private Frontier frontier() {
        return frontier(TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ZERO, 1), Path.of("out")));
    }

    private double count(String event) {
        return registry.get("herald.frontier.urls").tag("event", event).counter().count();
    }

    /** Answers the robots request with {@code robots}; returns the first page task. */
    private static FetchTask passRobots(Frontier frontier, String robots) {
        FetchTask task = frontier.poll();
        assertThat(task.kind()).isEqualTo(FetchTask.Kind.ROBOTS);
        assertThat(task.target().url()).isEqualTo("http://news.test/robots.txt");
        frontier.onFetched(new FetchResult.Fetched(task, Duration.ofMillis(1), Duration.ofMillis(1), 200, "text/plain",
                robots.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Validators.NONE));
        return frontier.poll();
    }

    private static void fetchedAndProcessed(Frontier frontier, FetchTask task, DiscoveredLink... links) {
        frontier.onFetched(new FetchResult.Fetched(task, Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "text/html", new byte[0], Instant.EPOCH, Validators.NONE));
        frontier.onProcessed(new Processed(task.target(), List.of(links), false, PageType.OTHER));
    }

    private static DiscoveredLink link(String url) {
        return new DiscoveredLink(url, Via.LINK);
    }

    @Test
    void aPauseHandsOutNothingAndKeepsTheHostsClock() {
        Frontier frontier = frontier(TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ofSeconds(1), 1),
                Path.of("out")));
        FetchTask seed = passRobots(frontier, "");
        assertThat(seed).isNull(); // robots.txt started the host's clock: the seed waits out the delay
        clock.advance(Duration.ofSeconds(1));
        seed = frontier.poll();
        fetchedAndProcessed(frontier, seed, link("http://news.test/a"));
        frontier.pause();
        clock.advance(Duration.ofSeconds(5));
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.status(10).paused()).isTrue();
        assertThat(frontier.status(10).dueHosts()).isZero();
        assertThat(frontier.isFinished()).as("a paused crawl is not over").isFalse();
        frontier.resume();
        assertThat(frontier.poll().target().url()).isEqualTo("http://news.test/a");
    }

    @Test
    void aHostWaitingOutItsDelayIsNotDueButAFailingOneIs() {
        Frontier frontier = frontier(TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ofSeconds(1), 1),
                Path.of("out")));
        assertThat(frontier.status(10).dueHosts()).as("due now").isEqualTo(1);
        assertThat(passRobots(frontier, "")).isNull();
        assertThat(frontier.status(10).dueHosts()).as("waiting out the delay").isZero();
        clock.advance(Duration.ofSeconds(1));
        FetchTask seed = frontier.poll();
        assertThat(frontier.status(0).queued()).as("its only URL is in flight: nothing queued, so no stall either way").isZero();
        frontier.onFetched(new FetchResult.NetworkError(seed, Duration.ofMillis(1), null, "timeout", "timed out"));
        assertThat(frontier.status(0).queued()).as("queued again for a retry").isEqualTo(1);
        assertThat(frontier.status(10).dueHosts()).as("backing off after a failure").isEqualTo(1);
    }

    @Test
    void seedsAddedWhileRunningGoThroughScopeDedupAndKnownRobotsRules() {
        Frontier frontier = frontier();
        FetchTask seed = passRobots(frontier, "User-agent: *\nDisallow: /private/\n");
        fetchedAndProcessed(frontier, seed);
        assertThat(frontier.addSeed("http://news.test/extra")).isEqualTo("queued");
        assertThat(frontier.addSeed("http://news.test/extra#again")).isEqualTo("duplicate");
        assertThat(frontier.addSeed("http://other.test/")).isEqualTo("out_of_scope");
        assertThat(frontier.addSeed("http://news.test/private/x")).isEqualTo("robots_blocked");
        assertThat(frontier.addSeed("not a url")).isEqualTo("invalid");
        assertThat(frontier.poll().target().url()).isEqualTo("http://news.test/extra");
        assertThat(frontier.poll()).isNull();
    }

    @Test
    void normalisesScopesAndDeduplicatesLinks() {
        Frontier frontier = frontier();
        FetchTask seed = passRobots(frontier, "");
        assertThat(seed.target().url()).isEqualTo(SEED);
        fetchedAndProcessed(frontier, seed,
                link("HTTP://NEWS.test:80/a#comments"), link("http://news.test/a"), link("http://news.test/./b/../a"),
                link("http://other.test/x"), link("mailto:someone@news.test"), link("http://news.test/c"));
        List<String> polled = new ArrayList<>();
        FetchTask next;
        while ((next = frontier.poll()) != null) {
            polled.add(next.target().url());
            fetchedAndProcessed(frontier, next);
        }
        assertThat(polled).containsExactly("http://news.test/a", "http://news.test/c");
        assertThat(count("duplicate")).isEqualTo(2);
        assertThat(count("out_of_scope")).isEqualTo(1);
        assertThat(count("invalid")).isEqualTo(1);
        assertThat(frontier.isFinished()).isTrue();
    }

    @Test
    void aRawLinkKnownToBeSeenIsNotLookedUpAgain() {
        CrawlConfig config = TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ZERO, 1), Path.of("out"));
        PolitenessGate gate = new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock);
        List<String> lookups = new ArrayList<>();
        InMemorySeenSet inner = new InMemorySeenSet();
        SeenSet counting = new SeenSet() {
            @Override
            public boolean add(String url) {
                lookups.add(url);
                return inner.add(url);
            }

            @Override
            public boolean contains(String url) {
                lookups.add(url);
                return inner.contains(url);
            }

            @Override
            public long size() {
                return inner.size();
            }
        };
        Frontier frontier = new Frontier(config, new InMemoryFrontierStore(), counting, gate, clock, registry,
                RevisitStore.NONE, HostShare.WHOLE);
        frontier.seed();
        FetchTask seed = passRobots(frontier, "");
        fetchedAndProcessed(frontier, seed, link("http://news.test/nav"), link("http://news.test/"),
                link("http://news.test/nav"), link("http://news.test/nav"));
        assertThat(lookups).containsExactly(SEED, "http://news.test/nav", SEED);
        assertThat(count("duplicate")).isEqualTo(3);
    }

    @Test
    void relatedLinksGoAheadOfOtherLinksOfTheirHost() {
        Frontier frontier = frontier();
        FetchTask seed = passRobots(frontier, "");
        fetchedAndProcessed(frontier, seed, link("http://news.test/plain-1"),
                new DiscoveredLink("http://news.test/related-1", Via.RELATED), link("http://news.test/plain-2"),
                new DiscoveredLink("http://news.test/related-2", Via.RELATED));
        List<String> order = new ArrayList<>();
        FetchTask next;
        while ((next = frontier.poll()) != null) {
            order.add(next.target().url());
            fetchedAndProcessed(frontier, next);
        }
        assertThat(order).containsExactly("http://news.test/related-1", "http://news.test/related-2",
                "http://news.test/plain-1", "http://news.test/plain-2");
    }

    @Test
    void linksBeyondMaxDepthAreNotQueued() {
        CrawlConfig config = TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ZERO, 1),
                TestConfigs.fetch(), Path.of("out"), 1, 100);
        Frontier frontier = frontier(config);
        FetchTask seed = passRobots(frontier, "");
        fetchedAndProcessed(frontier, seed, link("http://news.test/depth1"));
        FetchTask depth1 = frontier.poll();
        assertThat(depth1.target().depth()).isEqualTo(1);
        fetchedAndProcessed(frontier, depth1, link("http://news.test/depth2"));
        assertThat(frontier.poll()).isNull();
        assertThat(count("too_deep")).isEqualTo(1);
        assertThat(frontier.isFinished()).isTrue();
    }

    @Test
    void disallowedUrlsAreCountedAndNeverHandedOut() {
        Frontier frontier = frontier();
        FetchTask seed = passRobots(frontier, "User-agent: *\nDisallow: /private/\n");
        fetchedAndProcessed(frontier, seed, link("http://news.test/private/1"), link("http://news.test/private/2"),
                link("http://news.test/public"));
        assertThat(frontier.poll().target().url()).isEqualTo("http://news.test/public");
        assertThat(count("robots_blocked")).isEqualTo(2);
    }

    @Test
    void linksTheKnownRulesRefuseAreNeverQueuedAndLinksBeforeTheRulesAreCheckedAtThePoll() {
        // A second seed is a URL queued before robots.txt is known, as a link found then would be.
        Frontier frontier = frontier(TestConfigs.crawl(List.of(SEED, "http://news.test/private/early"),
                TestConfigs.politeness(Duration.ZERO, 1), Path.of("out")));
        assertThat(frontier.status(0).queued()).isEqualTo(2); // the seed, and a URL queued before robots.txt
        FetchTask seed = passRobots(frontier, "User-agent: *\nDisallow: /private/\n");
        fetchedAndProcessed(frontier, seed, link("http://news.test/private/late"), link("http://news.test/private/late"));
        assertThat(count("robots_blocked")).isEqualTo(1); // the late link, at once; the early one still waits
        assertThat(count("duplicate")).isEqualTo(1);
        assertThat(frontier.poll()).isNull();
        assertThat(count("robots_blocked")).isEqualTo(2);
        assertThat(frontier.status(0).queued()).isZero();
        assertThat(frontier.isFinished()).isTrue();
    }

    @Test
    void maxPagesStopsTheCrawlOnceInFlightWorkEnds() {
        CrawlConfig config = TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ZERO, 1),
                TestConfigs.fetch(), Path.of("out"), 5, 2);
        Frontier frontier = frontier(config);
        FetchTask seed = passRobots(frontier, "");
        fetchedAndProcessed(frontier, seed, link("http://news.test/1"), link("http://news.test/2"), link("http://news.test/3"));
        FetchTask second = frontier.poll();
        assertThat(frontier.isFinished()).isFalse();
        assertThat(frontier.poll()).isNull();
        fetchedAndProcessed(frontier, second);
        assertThat(frontier.isFinished()).isTrue();
        assertThat(frontier.finishReason()).isEqualTo("maxPages reached");
    }

    @Test
    void transientFailuresAreRetriedThenCountedAsFailed() {
        Frontier frontier = frontier(); // fetch.retries = 1
        FetchTask seed = passRobots(frontier, "");
        frontier.onFetched(new FetchResult.HttpError(seed, Duration.ofMillis(1), Duration.ofMillis(1), 503, null));
        clock.advance(Duration.ofSeconds(1));
        FetchTask retry = frontier.poll();
        assertThat(retry.target().attempt()).isEqualTo(1);
        frontier.onFetched(new FetchResult.NetworkError(retry, Duration.ofMillis(1), Duration.ofMillis(1),
                "timeout", "slow"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(frontier.poll()).isNull();
        assertThat(count("retried")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(1);
        assertThat(frontier.isFinished()).isTrue();
    }

    @Test
    void redirectsAreFollowedThroughTheFrontierUpToTheLimit() {
        Frontier frontier = frontier(); // fetch.maxRedirects = 3
        FetchTask task = passRobots(frontier, "");
        for (int hop = 1; hop <= 3; hop++) {
            frontier.onFetched(new FetchResult.Redirect(task, Duration.ofMillis(1), Duration.ofMillis(1), 301,
                    "http://news.test/hop" + hop));
            task = frontier.poll();
            assertThat(task.target().via()).isEqualTo(Via.REDIRECT);
            assertThat(task.target().redirects()).isEqualTo(hop);
        }
        frontier.onFetched(new FetchResult.Redirect(task, Duration.ofMillis(1), Duration.ofMillis(1), 301,
                "http://news.test/hop4"));
        assertThat(frontier.poll()).isNull();
        assertThat(count("redirect_limit")).isEqualTo(1);
    }

    @Test
    void aHostWithUnreachableRobotsGetsOnlyRobotsRequestsThenIsGivenUp() {
        Frontier frontier = frontier(); // robotsRetries = 2, robotsRetryDelay = 30s
        for (int attempt = 0; attempt < 3; attempt++) {
            FetchTask robots = frontier.poll();
            assertThat(robots.kind()).isEqualTo(FetchTask.Kind.ROBOTS);
            frontier.onFetched(new FetchResult.HttpError(robots, Duration.ofMillis(1), Duration.ofMillis(1), 503,
                    null));
            assertThat(frontier.poll()).isNull();
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(frontier.poll()).isNull();
        assertThat(count("gave_up")).isEqualTo(1);
        assertThat(frontier.isFinished()).isTrue();
    }

    @Test
    void nextWakeAtTellsWhenAWaitingHostIsDue() {
        Frontier frontier = frontier(TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ofSeconds(2), 1),
                Path.of("out")));
        FetchTask robots = frontier.poll();
        frontier.onFetched(new FetchResult.Fetched(robots, Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "text/plain", new byte[0], Instant.EPOCH, Validators.NONE));
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.nextWakeAt()).isEqualTo(clock.millis() + 2000);
        clock.advance(Duration.ofSeconds(2));
        CrawlUrl seed = frontier.poll().target();
        assertThat(seed.url()).isEqualTo(SEED);
    }

    private Frontier frontierWithSitemaps(List<String> sitemaps, boolean fromRobots) {
        CrawlConfig base = TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ZERO, 1), Path.of("out"));
        CrawlConfig config = withDiscovery(base, new DiscoveryConfig(sitemaps, fromRobots, Duration.ZERO,
                100, 10));
        return frontier(config);
    }

    @Test
    void sitemapsGoFirstAndTheirPagesAreOfferedAsSitemapFinds() {
        Frontier frontier = frontierWithSitemaps(List.of("http://news.test/news-sitemap.xml"), false);
        FetchTask sitemap = passRobots(frontier, "");
        assertThat(sitemap.kind()).isEqualTo(FetchTask.Kind.SITEMAP);
        frontier.onFetched(new FetchResult.Fetched(sitemap, Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "application/xml", new byte[0], Instant.EPOCH, Validators.NONE));
        assertThat(frontier.isFinished()).isFalse();
        frontier.onDiscovered(new Discovered(sitemap.target(),
                List.of("http://news.test/story-1", "http://other.test/out-of-scope"),
                List.of("http://news.test/child.xml"), null));
        FetchTask child = frontier.poll();
        assertThat(child.kind()).isEqualTo(FetchTask.Kind.SITEMAP);
        assertThat(child.target().depth()).isEqualTo(1);
        frontier.onFetched(new FetchResult.HttpError(child, Duration.ofMillis(1), Duration.ofMillis(1), 404, null));
        List<FetchTask> pages = new ArrayList<>();
        FetchTask next;
        while ((next = frontier.poll()) != null) {
            pages.add(next);
            fetchedAndProcessed(frontier, next);
        }
        assertThat(pages).extracting(t -> t.target().url()).containsExactly("http://news.test/", "http://news.test/story-1");
        assertThat(pages.get(1).target().via()).isEqualTo(Via.SITEMAP);
        assertThat(pages.get(1).target().depth()).isEqualTo(1);
        assertThat(frontier.isFinished()).isTrue();
    }

    @Test
    void sitemapLinesOfRobotsTxtAreReadOncePerCrawl() {
        Frontier frontier = frontierWithSitemaps(List.of(), true);
        FetchTask first = passRobots(frontier, "User-agent: *\nDisallow:\nSitemap: http://news.test/s.xml\n"
                + "Sitemap: http://news.test/s.xml\nSitemap: http://elsewhere.test/s.xml\n");
        assertThat(first.kind()).isEqualTo(FetchTask.Kind.SITEMAP);
        assertThat(first.target().url()).isEqualTo("http://news.test/s.xml");
        frontier.onFetched(new FetchResult.NetworkError(first, Duration.ofMillis(1), Duration.ofMillis(1), "reset",
                "gone"));
        assertThat(frontier.poll()).as("a failed sitemap backs the host off like any request").isNull();
        clock.advance(Duration.ofSeconds(1));
        FetchTask seed = frontier.poll();
        assertThat(seed.kind()).isEqualTo(FetchTask.Kind.PAGE);
        fetchedAndProcessed(frontier, seed);
        assertThat(frontier.poll()).isNull();
        assertThat(frontier.isFinished()).isTrue();
        assertThat(count("sitemap_queued")).isEqualTo(1);
    }

    @Test
    void sitemapLinesOfRobotsRulesKeptFromAnEarlierRunAreReadAgain() {
        MapHostStore memory = new MapHostStore();
        CrawlConfig config = withDiscovery(TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ZERO, 1),
                Path.of("out")), new DiscoveryConfig(List.of(), true, Duration.ZERO, 100, 10));
        Frontier first = new Frontier(config, new InMemoryFrontierStore(), new InMemorySeenSet(),
                new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock, memory), clock, registry,
                RevisitStore.NONE, HostShare.WHOLE);
        first.seed();
        passRobots(first, "User-agent: *\nDisallow:\nSitemap: http://news.test/s.xml\n");

        Frontier resumed = new Frontier(config, new InMemoryFrontierStore(), new InMemorySeenSet(),
                new PolitenessGate(config.politeness(), Duration.ofMillis(100), 1 << 16, clock, memory), clock, registry,
                RevisitStore.NONE, HostShare.WHOLE);
        resumed.seed();
        FetchTask task = resumed.poll();
        assertThat(task.kind()).as("no robots.txt: its rules were kept").isEqualTo(FetchTask.Kind.SITEMAP);
        assertThat(task.target().url()).isEqualTo("http://news.test/s.xml");
        assertThat(task.target().referrer()).isEqualTo("http://news.test/robots.txt");
    }

    @Test
    void aRedirectedSitemapIsFollowedAndIndexNestingDoesNotCountAsLinkDepth() {
        CrawlConfig base = TestConfigs.crawl(List.of(SEED), TestConfigs.politeness(Duration.ZERO, 1),
                TestConfigs.fetch(), Path.of("out"), 1, 100);
        Frontier frontier = frontier(withDiscovery(base, new DiscoveryConfig(
                List.of("http://news.test/sitemap.xml"), false, Duration.ZERO, 100, 10)));
        FetchTask sitemap = passRobots(frontier, "");
        frontier.onFetched(new FetchResult.Redirect(sitemap, Duration.ofMillis(1), Duration.ofMillis(1), 301,
                "http://news.test/sitemap-index.xml"));
        FetchTask index = frontier.poll();
        assertThat(index.kind()).isEqualTo(FetchTask.Kind.SITEMAP);
        assertThat(index.target().url()).isEqualTo("http://news.test/sitemap-index.xml");
        frontier.onFetched(new FetchResult.Fetched(index, Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "application/xml", new byte[0], Instant.EPOCH, Validators.NONE));
        frontier.onDiscovered(new Discovered(index.target(), List.of(), List.of("http://news.test/child.xml"), null));
        FetchTask child = frontier.poll();
        frontier.onFetched(new FetchResult.Fetched(child, Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "application/xml", new byte[0], Instant.EPOCH, Validators.NONE));
        frontier.onDiscovered(new Discovered(child.target(), List.of("http://news.test/story"), List.of(), null));
        List<String> pages = new ArrayList<>();
        FetchTask next;
        while ((next = frontier.poll()) != null) {
            pages.add(next.target().url() + "@" + next.target().depth());
            fetchedAndProcessed(frontier, next);
        }
        assertThat(pages).containsExactlyInAnyOrder("http://news.test/@0", "http://news.test/story@1");
    }
}
