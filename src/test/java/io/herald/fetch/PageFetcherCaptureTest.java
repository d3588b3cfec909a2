package io.herald.fetch;

import io.herald.config.FetchConfig;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.HttpCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a recording fetcher keeps of each exchange for the WARC output, and that a plain one keeps nothing. */
@ExtendWith(VertxExtension.class)
class PageFetcherCaptureTest {
    private static final String UA = "HeraldTest/1.0";
    private static FetchTestServer server;
    private static PageFetcher recording;
    private static PageFetcher plain;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext context) {
        server = new FetchTestServer(vertx);
        FetchConfig config = new FetchConfig(8, Duration.ofSeconds(1), Duration.ofMillis(1500), 1 << 20, 5, 2,
                Duration.ofSeconds(1));
        recording = new PageFetcher(vertx, config, UA, new SimpleMeterRegistry(), true);
        plain = new PageFetcher(vertx, config, UA);
        server.start().onComplete(context.succeedingThenComplete());
    }

    @AfterAll
    static void stop(VertxTestContext context) {
        Future.join(recording.close(), plain.close(), server.stop()).onComplete(context.succeedingThenComplete());
    }

    private static Captured fetch(PageFetcher fetcher, String path) throws Exception {
        return fetcher.fetchCaptured(PageFetcherTest.task(server.url(path), FetchTask.Kind.PAGE))
                .await(10, TimeUnit.SECONDS);
    }

    @Test
    void keepsTheRequestSentAndTheResponseReceived() throws Exception {
        Captured captured = fetch(recording, "/html");
        HttpCapture c = captured.capture();
        assertThat(captured.result()).isInstanceOf(FetchResult.Fetched.class);
        assertThat(c.url()).isEqualTo(server.url("/html"));
        assertThat(c.method()).isEqualTo("GET");
        assertThat(c.requestTarget()).isEqualTo("/html");
        assertThat(c.version()).isEqualTo("HTTP/1.1");
        assertThat(c.ip()).isEqualTo("127.0.0.1");
        // as Vert.x writes them: lower-case names, host last
        assertThat(c.requestHeaders()).containsExactly(Map.entry("user-agent", UA),
                Map.entry("accept", PageFetcher.PAGE_ACCEPT), Map.entry("accept-encoding", PageFetcher.ACCEPT_ENCODING),
                Map.entry("host", server.url("").substring("http://".length())));
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.reason()).isEqualTo("OK");
        assertThat(c.responseHeaders()).anySatisfy(h -> assertThat(h.getKey()).isEqualToIgnoringCase("content-type"));
        assertThat(new String(c.body(), StandardCharsets.UTF_8)).isEqualTo(FetchTestServer.HTML);
        assertThat(c.body()).isSameAs(((FetchResult.Fetched) captured.result()).body()); // shared, not copied
        assertThat(c.truncated()).isNull();
        assertThat(c.date()).isNotNull();
    }

    @Test
    void aGzipBodyIsKeptDecodedWithoutItsContentEncoding() throws Exception {
        HttpCapture c = fetch(recording, "/gzip").capture();
        assertThat(new String(c.body(), StandardCharsets.UTF_8)).isEqualTo(FetchTestServer.HTML);
        assertThat(c.responseHeaders()).noneSatisfy(h -> assertThat(h.getKey()).isEqualToIgnoringCase("content-encoding"));
    }

    @Test
    void errorAndRedirectBodiesAreKeptThoughHeraldDropsThem() throws Exception {
        HttpCapture missing = fetch(recording, "/status/404").capture();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).isEqualTo("not here");
        HttpCapture moved = fetch(recording, "/a/moved").capture();
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.responseHeaders()).anySatisfy(h -> assertThat(h.getKey()).isEqualToIgnoringCase("location"));
    }

    @Test
    void aBodyCutAtTheSizeCapIsMarkedTruncated() throws Exception {
        Captured captured = fetch(recording, "/endless");
        assertThat(captured.result()).isInstanceOf(FetchResult.TooLarge.class);
        assertThat(captured.capture().truncated()).isEqualTo("length");
    }

    @Test
    void noResponseMeansNothingToRecord() throws Exception {
        Captured captured = recording.fetchCaptured(PageFetcherTest.task(server.blackHoleUrl(), FetchTask.Kind.PAGE))
                .await(10, TimeUnit.SECONDS);
        assertThat(captured.result()).isInstanceOf(FetchResult.NetworkError.class);
        assertThat(captured.capture()).isNull();
    }

    @Test
    void aFetcherThatDoesNotRecordKeepsNothing() throws Exception {
        Captured captured = fetch(plain, "/html");
        assertThat(captured.result()).isInstanceOf(FetchResult.Fetched.class);
        assertThat(captured.capture()).isNull();
    }
}
