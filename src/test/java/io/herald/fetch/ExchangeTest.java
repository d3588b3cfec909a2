package io.herald.fetch;

import io.herald.config.FetchConfig;
import io.herald.model.FetchResult;
import io.herald.model.FetchResult.Fetched;
import io.herald.model.FetchResult.NetworkError;
import io.herald.model.FetchTask;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server time an exchange reports (request written to response head), which the adaptive delay follows:
 * it leaves out a slow body and the wait for a pooled connection, and keeps a slow head.
 */
class ExchangeTest {
    private static final long SLOW_MS = 800;
    private static final long HEAD_DELAY_MS = 300;

    private final Vertx vertx = Vertx.vertx();
    private HttpServer server;
    private PageFetcher fetcher;
    private final AtomicInteger slowBodiesStarted = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::route).listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
        // fetch.concurrency 1: one pooled connection, so a second request waits for the first to end
        FetchConfig config = new FetchConfig(1, Duration.ofSeconds(2), Duration.ofMillis(1500), 1 << 20, 3, 0,
                Duration.ofMillis(100));
        fetcher = new PageFetcher(vertx, config, "HeraldTest/1.0");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void route(HttpServerRequest req) {
        switch (req.path()) {
            case "/slow-body" -> { // the head at once, the rest of the body SLOW_MS later
                slowBodiesStarted.incrementAndGet();
                req.response().setChunked(true).putHeader("content-type", "text/html").write("<html><body>");
                vertx.setTimer(SLOW_MS, t -> req.response().end("late</body></html>"));
            }
            case "/slow-head" -> vertx.setTimer(HEAD_DELAY_MS, t ->
                    req.response().putHeader("content-type", "text/html").end("<html></html>"));
            case "/silent" -> { /* never answers: the fetch times out with the request written */ }
            default -> req.response().putHeader("content-type", "text/html").end("<html></html>");
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    private FetchResult fetch(String url) throws Exception {
        return fetcher.fetch(PageFetcherTest.task(url, FetchTask.Kind.PAGE)).await(10, TimeUnit.SECONDS);
    }

    @Test
    void serverTimeEndsAtTheHeadNotAfterASlowBody() throws Exception {
        FetchResult result = fetch(url("/slow-body"));
        assertThat(result).isInstanceOf(Fetched.class);
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(SLOW_MS));
        assertThat(result.serverTime()).isLessThan(Duration.ofMillis(SLOW_MS / 2));
    }

    @Test
    void serverTimeLeavesOutTheWaitForAPooledConnection() throws Exception {
        Future<FetchResult> first = fetcher.fetch(PageFetcherTest.task(url("/slow-body"), FetchTask.Kind.PAGE));
        await().atMost(Duration.ofSeconds(5)).until(() -> slowBodiesStarted.get() == 1); // it holds the connection
        FetchResult second = fetch(url("/fast"));
        assertThat(first.await(10, TimeUnit.SECONDS)).isInstanceOf(Fetched.class);
        assertThat(second).isInstanceOf(Fetched.class);
        assertThat(second.elapsed()).as("waited for the one connection")
                .isGreaterThanOrEqualTo(Duration.ofMillis(SLOW_MS / 2));
        assertThat(second.serverTime()).isLessThan(Duration.ofMillis(SLOW_MS / 4));
    }

    @Test
    void aSlowHeadIsTheServersTime() throws Exception {
        FetchResult result = fetch(url("/slow-head"));
        assertThat(result.serverTime()).isGreaterThanOrEqualTo(Duration.ofMillis(HEAD_DELAY_MS))
                .isLessThanOrEqualTo(result.elapsed());
    }

    @Test
    void aTimeoutAfterWritingCountsTheWaitAndARefusedConnectionHasNoServerTime() throws Exception {
        FetchResult silent = fetch(url("/silent"));
        assertThat(silent).isInstanceOf(NetworkError.class);
        assertThat(silent.serverTime()).isGreaterThanOrEqualTo(Duration.ofMillis(1000));

        FetchResult refused = fetch("http://127.0.0.1:1/");
        assertThat(refused).isInstanceOf(NetworkError.class);
        assertThat(refused.serverTime()).isNull();
    }
}
