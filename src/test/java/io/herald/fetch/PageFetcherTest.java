package io.herald.fetch;

import io.herald.config.FetchConfig;
import io.herald.model.CrawlUrl;
import io.herald.model.FetchResult;
import io.herald.model.FetchResult.Fetched;
import io.herald.model.FetchResult.HttpError;
import io.herald.model.FetchResult.NetworkError;
import io.herald.model.FetchResult.NotHtml;
import io.herald.model.FetchResult.Redirect;
import io.herald.model.FetchResult.TooLarge;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(VertxExtension.class)
class PageFetcherTest {

    private static final long MAX_BODY = 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final String UA = "HeraldBot/0.1 (+https://example.org/herald)";

    private static FetchTestServer server;
    private static PageFetcher fetcher;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext context) {
        server = new FetchTestServer(vertx);
        FetchConfig config = new FetchConfig(200, Duration.ofSeconds(1), TIMEOUT, MAX_BODY, 5, 2, Duration.ofSeconds(1));
        fetcher = new PageFetcher(vertx, config, UA);
        server.start().onComplete(context.succeedingThenComplete());
    }

    @AfterAll
    static void stop(VertxTestContext context) {
        Future.join(fetcher.close(), server.stop()).onComplete(context.succeedingThenComplete());
    }

    @Test
    void fetchesHtmlAndSendsUserAgent() throws Exception {
        FetchResult result = fetch(server.url("/html"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FetchTestServer.HTML);
            assertThat(fetched.fetchedAt()).isNotNull();
            assertThat(fetched.elapsed()).isPositive();
        });
        assertThat(server.userAgents).contains(UA);
        assertThat(server.acceptEncodings).contains(PageFetcher.ACCEPT_ENCODING);
    }

    @Test
    void missingContentTypeIsTreatedAsHtml() throws Exception {
        assertThat(fetch(server.url("/no-content-type"))).isInstanceOf(Fetched.class);
    }

    @Test
    void decodesGzip() throws Exception {
        FetchResult result = fetch(server.url("/gzip"));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched ->
                assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FetchTestServer.HTML));
    }

    @Test
    void cutsOffGzipBombAtDecodedCap() throws Exception {
        FetchResult result = fetch(server.url("/bomb"));

        assertThat(result).isInstanceOfSatisfying(TooLarge.class, tooLarge ->
                assertThat(tooLarge.limitBytes()).isEqualTo(MAX_BODY));
        assertThat(result.elapsed()).isLessThan(TIMEOUT);
    }

    @Test
    void endlessBodyIsTooLargeAndConnectionIsDropped() throws Exception {
        FetchResult result = fetch(server.url("/endless"));

        assertThat(result).isInstanceOf(TooLarge.class);
        await().atMost(5, TimeUnit.SECONDS).untilTrue(server.endlessClosed);
    }

    @Test
    void declaredLengthOverCapIsRejectedWithoutReadingBody() throws Exception {
        // the server never sends the promised 100 MB: only an early rejection can answer before the timeout
        FetchResult result = fetch(server.url("/declared-huge"));

        assertThat(result).isInstanceOf(TooLarge.class);
        assertThat(result.elapsed()).isLessThan(TIMEOUT);
    }

    @Test
    void slowDripEndsInTimeoutWithinTotalTimeout() throws Exception {
        FetchResult result = fetch(server.url("/drip"));

        assertNetworkError(result, "timeout");
        assertThat(result.elapsed()).isBetween(TIMEOUT, TIMEOUT.plusSeconds(1));
    }

    @Test
    void silentServerEndsInTimeout() throws Exception {
        FetchResult result = fetch(server.blackHoleUrl());

        assertNetworkError(result, "timeout");
        assertThat(result.elapsed()).isBetween(TIMEOUT, TIMEOUT.plusSeconds(1));
    }

    @Test
    void refusedConnectionIsConnectError() throws Exception {
        // A socket bound but not listening holds the port, so no other test's server can take it meanwhile,
        // and a connection to it is refused.
        try (Socket holder = new Socket()) {
            holder.setReuseAddress(false);
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            assertNetworkError(fetch("http://127.0.0.1:" + holder.getLocalPort() + "/"), "connect");
        }
    }

    @Test
    void connectionClosedMidBodyIsReset() throws Exception {
        assertNetworkError(fetch(server.url("/cut")), "reset");
    }

    @Test
    void malformedResponseIsProtocolError() throws Exception {
        FetchResult result = fetch(server.garbageUrl());

        assertThat(result).isInstanceOfSatisfying(NetworkError.class, error ->
                assertThat(error.kind()).as(error.message()).isEqualTo("protocol"));
    }

    @Test
    void notFoundIsFinalHttpError() throws Exception {
        assertThat(fetch(server.url("/status/404"))).isInstanceOfSatisfying(HttpError.class, error -> {
            assertThat(error.status()).isEqualTo(404);
            assertThat(error.isTransient()).isFalse();
            assertThat(error.retryAfter()).isNull();
        });
    }

    @Test
    void serviceUnavailableCarriesRetryAfterSeconds() throws Exception {
        assertThat(fetch(server.url("/status/503"))).isInstanceOfSatisfying(HttpError.class, error -> {
            assertThat(error.status()).isEqualTo(503);
            assertThat(error.isTransient()).isTrue();
            assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    @Test
    void tooManyRequestsCarriesRetryAfterDate() throws Exception {
        assertThat(fetch(server.url("/status/429"))).isInstanceOfSatisfying(HttpError.class, error -> {
            assertThat(error.status()).isEqualTo(429);
            assertThat(error.retryAfter()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
        });
    }

    @Test
    void relativeRedirectIsResolvedAgainstRequestUrl() throws Exception {
        assertThat(fetch(server.url("/a/moved"))).isInstanceOfSatisfying(Redirect.class, redirect -> {
            assertThat(redirect.status()).isEqualTo(301);
            assertThat(redirect.location()).isEqualTo(server.url("/b/target?x=1"));
        });
    }

    @Test
    void protocolRelativeRedirectKeepsScheme() throws Exception {
        assertThat(fetch(server.url("/protocol-relative"))).isInstanceOfSatisfying(Redirect.class, redirect ->
                assertThat(redirect.location()).isEqualTo("http://example.org/elsewhere"));
    }

    @Test
    void redirectWithoutUsableLocationIsHttpError() throws Exception {
        assertThat(fetch(server.url("/no-location"))).isInstanceOfSatisfying(HttpError.class, error ->
                assertThat(error.status()).isEqualTo(302));
        assertThat(fetch(server.url("/junk-location"))).isInstanceOfSatisfying(HttpError.class, error ->
                assertThat(error.status()).isEqualTo(302));
    }

    @Test
    void nonHtmlPageIsNotDownloaded() throws Exception {
        assertThat(fetch(server.url("/png"))).isInstanceOfSatisfying(NotHtml.class, notHtml -> {
            assertThat(notHtml.status()).isEqualTo(200);
            assertThat(notHtml.contentType()).isEqualTo("image/png");
        });
    }

    @Test
    void robotsIsCutToItsCapAndKept() throws Exception {
        FetchResult result = fetcher.fetch(task(server.url("/robots.txt"), FetchTask.Kind.ROBOTS))
                .await(10, TimeUnit.SECONDS);

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.contentType()).isEqualTo("text/plain");
            assertThat(fetched.body()).hasSize(PageFetcher.ROBOTS_MAX_BYTES);
            assertThat(new String(fetched.body(), 0, 20, StandardCharsets.US_ASCII)).isEqualTo("Disallow: /private/\n");
        });
    }

    @Test
    void manyConcurrentFetchesAllComplete() throws Exception {
        List<Future<FetchResult>> all = IntStream.range(0, 200)
                .mapToObj(i -> fetcher.fetch(task(server.url("/html"), FetchTask.Kind.PAGE)))
                .toList();

        Future.all(all).await(20, TimeUnit.SECONDS);

        assertThat(all).allSatisfy(f -> assertThat(f.result()).isInstanceOf(Fetched.class));
    }

    @Test
    void fetchFromAnEventLoopReadsTheBody(Vertx vertx, VertxTestContext context) {
        // the production caller is a verticle: the body must be streamed from its own event loop too
        vertx.getOrCreateContext().runOnContext(v -> fetcher.fetch(task(server.url("/gzip"), FetchTask.Kind.PAGE))
                .onComplete(context.succeeding(result -> context.verify(() -> {
                    assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched ->
                            assertThat(fetched.body()).hasSize(FetchTestServer.HTML.length()));
                    context.completeNow();
                }))));
    }

    @Test
    void unusableUrlIsNetworkErrorNotException() throws Exception {
        FetchResult result = fetcher.fetch(new FetchTask(
                new CrawlUrl("ftp://127.0.0.1/file", "ftp://127.0.0.1:21", 0, null, Via.SEED, 0, 0),
                FetchTask.Kind.PAGE)).await(10, TimeUnit.SECONDS);

        assertNetworkError(result, "other");
    }

    private static FetchResult fetch(String url) throws Exception {
        return fetcher.fetch(task(url, FetchTask.Kind.PAGE)).await(10, TimeUnit.SECONDS);
    }

    static FetchTask task(String url, FetchTask.Kind kind) {
        URI uri = URI.create(url);
        String hostKey = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        return new FetchTask(new CrawlUrl(url, hostKey, 0, null, Via.SEED, 0, 0), kind);
    }

    private static void assertNetworkError(FetchResult result, String kind) {
        assertThat(result).isInstanceOfSatisfying(NetworkError.class, error ->
                assertThat(error.kind()).as("kind of %s", error.message()).isEqualTo(kind));
    }
}
