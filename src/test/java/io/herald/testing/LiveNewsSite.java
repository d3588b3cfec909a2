package io.herald.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A news site that publishes a new story every {@code period} ms after {@link #open()} (or the first request for a
 * hub, whichever comes first, so a crawler's start-up is not counted as delay), up to {@code stories}: the
 * front page {@code /} lists the even-numbered stories published so far and the RSS feed {@code /feed.xml} the odd
 * ones, so each hub is the only way to some stories. Both hubs answer conditional requests as a real server does:
 * the front by {@code ETag} ({@code If-None-Match}), the feed by {@code Last-Modified} ({@code If-Modified-Since}),
 * and the site counts what it answered with a 304 and with a full body. Stories answer by {@code ETag} too (unless
 * {@link #withoutValidators}), and a story {@link #edit}ed gets a new text after its first full response.
 */
public final class LiveNewsSite {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final TestSite site;
    private final int stories;
    private final long periodMs;
    private volatile long openedAtMs = Long.MAX_VALUE;
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> full = new ConcurrentHashMap<>();
    private final List<String> frontRequests = new CopyOnWriteArrayList<>();
    private final Set<Integer> edited = ConcurrentHashMap.newKeySet();
    private final Set<Integer> noValidators = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> storyRevisions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> storyConditions = new ConcurrentHashMap<>();

    public LiveNewsSite(Vertx vertx, String address, int stories, long periodMs) {
        this.site = new TestSite(vertx, address);
        this.stories = stories;
        this.periodMs = periodMs;
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        site.route("/", this::front);
        site.route("/feed.xml", this::feed);
        for (int i = 0; i < stories; i++) {
            int n = i;
            site.route("/story/" + i, req -> story(req, n));
        }
    }

    public Future<LiveNewsSite> start() {
        return site.start().map(s -> this);
    }

    /** Story 0 is out now; story i follows {@code i * period} ms later. Only the first call counts. */
    public synchronized void open() {
        if (openedAtMs == Long.MAX_VALUE) {
            openedAtMs = System.currentTimeMillis();
        }
    }

    /** Stories published so far. */
    public int published() {
        long now = System.currentTimeMillis();
        return now < openedAtMs ? 0 : (int) Math.min(stories, 1 + (now - openedAtMs) / periodMs);
    }

    /** When story {@code i} was published (wall time). */
    public Instant publishedAt(int i) {
        return Instant.ofEpochMilli(openedAtMs + i * periodMs);
    }

    public int notModified(String path) {
        return notModified.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    public int fullResponses(String path) {
        return full.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    public TestSite site() {
        return site;
    }

    public String url(String path) {
        return site.url(path);
    }

    /** Story {@code i} gets a new text (and ETag) once its first full response is sent: an update to be found. */
    public LiveNewsSite edit(int i) {
        edited.add(i);
        return this;
    }

    /** Story {@code i} is sent without an ETag, so every request for it is answered in full. */
    public LiveNewsSite withoutValidators(int i) {
        noValidators.add(i);
        return this;
    }

    /** The {@code If-None-Match} of each request for story {@code i}, in order ({@code "-"}: none). */
    public List<String> storyConditions(int i) {
        return List.copyOf(storyConditions.getOrDefault("/story/" + i, List.of()));
    }

    /** The {@code If-None-Match} of each request for the front page, in order ({@code "-"}: none). */
    public List<String> frontConditions() {
        return List.copyOf(frontRequests);
    }

    private void front(HttpServerRequest req) {
        String asked = req.getHeader("If-None-Match");
        frontRequests.add(asked == null ? "-" : asked);
        open();
        int count = published();
        String etag = "\"front-" + count + "\"";
        if (etag.equals(req.getHeader("If-None-Match"))) {
            answer304(req, "/", "ETag", etag);
            return;
        }
        StringBuilder links = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            if (i % 2 == 0) {
                links.append("<li><a href=\"/story/").append(i).append("\">Headline ").append(i).append("</a></li>");
            }
        }
        full.computeIfAbsent("/", p -> new AtomicInteger()).incrementAndGet();
        req.response().putHeader("content-type", "text/html; charset=utf-8").putHeader("ETag", etag)
                .end("<html><head><title>Front</title><meta property=\"og:type\" content=\"website\"></head><body>"
                        + "<ul>" + links + "</ul><a href=\"/private/x\">private</a></body></html>");
    }

    /** The feed's Last-Modified is a date that grows with each story (second precision, as HTTP dates have). */
    private void feed(HttpServerRequest req) {
        open();
        int count = published();
        String lastModified = HTTP_DATE.format(Instant.ofEpochSecond(1_700_000_000L + count));
        String since = req.getHeader("If-Modified-Since");
        if (since != null && !Instant.from(HTTP_DATE.parse(since)).isBefore(Instant.ofEpochSecond(1_700_000_000L + count))) {
            answer304(req, "/feed.xml", "Last-Modified", lastModified);
            return;
        }
        StringBuilder items = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            if (i % 2 == 1) {
                items.append("<item><title>Story ").append(i).append("</title><link>").append(url("/story/" + i))
                        .append("</link><pubDate>").append(HTTP_DATE.format(publishedAt(i))).append("</pubDate></item>");
            }
        }
        full.computeIfAbsent("/feed.xml", p -> new AtomicInteger()).incrementAndGet();
        req.response().putHeader("content-type", "application/rss+xml").putHeader("Last-Modified", lastModified)
                .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Live</title><link>"
                        + url("/") + "</link><description>Live news</description>" + items + "</channel></rss>");
    }

    private void story(HttpServerRequest req, int i) {
        if (i >= published()) {
            req.response().setStatusCode(404).end();
            return;
        }
        String path = "/story/" + i;
        String asked = req.getHeader("If-None-Match");
        storyConditions.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(asked == null ? "-" : asked);
        AtomicInteger revision = storyRevisions.computeIfAbsent(i, n -> new AtomicInteger(1));
        String etag = "\"story-" + i + "-" + revision.get() + "\"";
        if (!noValidators.contains(i) && etag.equals(asked)) {
            answer304(req, path, "ETag", etag);
            return;
        }
        String body = revision.get() == 1 ? "Story " + i + " of the live site."
                : "Story " + i + " of the live site, updated: the council has now voted.";
        if (edited.contains(i)) {
            revision.set(2); // the next request sees the new text
        }
        full.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (!noValidators.contains(i)) {
            req.response().putHeader("ETag", etag);
        }
        req.response().putHeader("content-type", "text/html; charset=utf-8")
                .end(TestSite.article("Story number " + i, body));
    }

    private void answer304(HttpServerRequest req, String path, String header, String value) {
        notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        req.response().setStatusCode(304).putHeader(header, value).end();
    }
}
