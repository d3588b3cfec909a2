package io.herald.fetch;

import io.herald.config.FetchConfig;
import io.herald.model.FetchResult;
import io.herald.model.FetchResult.Fetched;
import io.herald.model.FetchResult.NotModified;
import io.herald.model.FetchTask;
import io.herald.model.Validators;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A revisit asks "only if changed" with the validators it holds; a 304 is "unchanged", with no body read. */
@ExtendWith(VertxExtension.class)
class ConditionalGetTest {
    private static final String ETAG = "W/\"front-7\"";
    private static final String LAST_MODIFIED = "Tue, 01 Dec 2026 10:00:00 GMT";

    @Test
    void validatorsAreSentBackAndA304IsUnchangedWhileAPlain304IsAnError(Vertx vertx) throws Exception {
        List<String> conditions = new CopyOnWriteArrayList<>();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            conditions.add(req.getHeader("If-None-Match") + " | " + req.getHeader("If-Modified-Since"));
            if (ETAG.equals(req.getHeader("If-None-Match")) || req.path().equals("/always-304")) {
                req.response().setStatusCode(304).putHeader("ETag", ETAG).end();
            } else {
                req.response().putHeader("content-type", "text/html").putHeader("ETag", ETAG)
                        .putHeader("Last-Modified", LAST_MODIFIED).end("<html><body>front</body></html>");
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        PageFetcher fetcher = new PageFetcher(vertx, new FetchConfig(4, Duration.ofSeconds(2), Duration.ofSeconds(5),
                1 << 20, 3, 1, Duration.ofMillis(100)), "HeraldTest/1.0");
        String base = "http://127.0.0.1:" + server.actualPort();
        FetchTask first = PageFetcherTest.task(base + "/", FetchTask.Kind.PAGE);

        FetchResult full = fetcher.fetch(first).await(10, TimeUnit.SECONDS);
        assertThat(full).isInstanceOfSatisfying(Fetched.class, fetched ->
                assertThat(fetched.validators()).isEqualTo(new Validators(ETAG, LAST_MODIFIED)));

        Validators held = ((Fetched) full).validators();
        FetchResult again = fetcher.fetch(new FetchTask(first.target(), FetchTask.Kind.PAGE, held))
                .await(10, TimeUnit.SECONDS);
        assertThat(again).isInstanceOfSatisfying(NotModified.class, same -> {
            assertThat(same.outcome()).isEqualTo("unchanged");
            assertThat(same.validators().etag()).isEqualTo(ETAG);
        });
        assertThat(conditions).containsExactly("null | null", ETAG + " | " + LAST_MODIFIED);

        // a 304 to a request that asked nothing conditional is the server's error, not "unchanged"
        FetchResult unasked = fetcher.fetch(PageFetcherTest.task(base + "/always-304", FetchTask.Kind.PAGE))
                .await(10, TimeUnit.SECONDS);
        assertThat(unasked).isInstanceOfSatisfying(FetchResult.HttpError.class, error ->
                assertThat(error.status()).isEqualTo(304));
        fetcher.close().await(10, TimeUnit.SECONDS);
        server.close().await(10, TimeUnit.SECONDS);
    }
}
