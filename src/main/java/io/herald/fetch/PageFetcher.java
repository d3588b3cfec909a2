package io.herald.fetch;

import io.herald.config.FetchConfig;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Validators;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Fetches one URL per call and reports the outcome as a {@link FetchResult} value; the returned future
 * never fails. Redirects, retries and politeness waits are left to the frontier.
 *
 * <p>Built on the core Vert.x {@code HttpClientAgent} rather than {@code WebClient}: WebClient buffers a
 * whole body before handing it over, whereas a crawler facing hostile servers must stream the body, count
 * decoded bytes as they arrive and reset the request the moment a cap is reached. That is what makes a
 * gzip bomb or an endless chunked body cost at most {@code maxBodySize} bytes of memory.
 *
 * <p>Limits: {@code fetch.connectTimeout} for obtaining a connection, {@code fetch.timeout} for the whole
 * exchange (connect, head and body, enforced by a timer that resets the request, so a server dripping one
 * byte a second cannot hold a slot), {@code fetch.maxBodySize} decoded bytes for pages and
 * {@link #ROBOTS_MAX_BYTES} for robots.txt, whose prefix is kept rather than dropped.
 */
public final class PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);

    /** The most of a robots.txt that is read; RFC 9309 asks crawlers to parse at least 500 KiB. */
    public static final int ROBOTS_MAX_BYTES = 512 * 1024;
    /** The sitemap protocol's own limit on a (decompressed) sitemap file. */
    public static final int SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
    static final String SITEMAP_ACCEPT =
            "application/xml,text/xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5";

    static final String PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    static final String ROBOTS_ACCEPT = "text/plain,*/*";
    /** Only codings the client decodes itself are advertised, so every body can be counted decoded. */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    /** Politeness allows one or two requests per host; a few spare connections cover redirects to it. */
    private static final int MAX_CONNECTIONS_PER_HOST = 8;
    /** Real news sites send large CSP and cookie headers; Netty's 8 KiB default rejects some of them. */
    private static final int MAX_HEADER_BYTES = 32 * 1024;
    private static final int KEEP_ALIVE_SECONDS = 30;

    private final Vertx vertx;
    private final FetchConfig fetch;
    private final String userAgent;
    private final HttpClientAgent client;
    private final FetchMetrics metrics;
    private final boolean record;

    /** A fetcher whose meters go to a registry of its own (tools and tests that read no metrics). */
    public PageFetcher(Vertx vertx, FetchConfig fetch, String userAgent) {
        this(vertx, fetch, userAgent, new SimpleMeterRegistry());
    }

    /** @param registry where the HTTP meters of {@link FetchMetrics} go */
    public PageFetcher(Vertx vertx, FetchConfig fetch, String userAgent, MeterRegistry registry) {
        this(vertx, fetch, userAgent, registry, false);
    }

    /**
     * @param record keep what each exchange sent and received ({@link #fetchCaptured}), for the WARC output; off, a
     *               fetch keeps nothing beyond its result
     */
    public PageFetcher(Vertx vertx, FetchConfig fetch, String userAgent, MeterRegistry registry, boolean record) {
        this.record = record;
        this.metrics = new FetchMetrics(registry);
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.client = vertx.httpClientBuilder()
                .with(clientOptions(fetch))
                .with(poolOptions(fetch))
                // Each failure already reaches its request as a FetchResult. Without a handler Vert.x
                // would also log every broken connection at ERROR, which hostile servers turn into noise.
                .withConnectHandler(connection -> connection.exceptionHandler(failure ->
                        LOG.debug("connection to {} failed: {}", connection.remoteAddress(), failure.toString())))
                .build();
    }

    /** Sends one GET for the task; the future always succeeds, with the outcome as its value. */
    public Future<FetchResult> fetch(FetchTask task) {
        return fetchCaptured(task).map(Captured::result);
    }

    /**
     * Sends one GET for the task; the future always succeeds, with the outcome and, if this fetcher records, what was
     * sent and received (null when it does not, or when no response came).
     */
    public Future<Captured> fetchCaptured(FetchTask task) {
        long bodyLimit = switch (task.kind()) {
            case ROBOTS -> ROBOTS_MAX_BYTES;
            case SITEMAP -> Math.max(SITEMAP_MAX_BYTES, fetch.maxBodySize());
            case PAGE -> fetch.maxBodySize();
        };
        Exchange exchange = new Exchange(vertx, task, bodyLimit, fetch.timeout().toMillis(), record);
        Future<HttpClientRequest> pending;
        try {
            pending = client.request(requestOptions(task));
        } catch (RuntimeException badUrl) {
            pending = Future.failedFuture(badUrl); // reported as NetworkError "other", like any failure
        }
        return exchange.runCaptured(pending).onSuccess(done -> metrics.record(done.result()));
    }

    /** Closes pooled connections; requests in flight end as network errors. */
    public Future<Void> close() {
        return client.close();
    }

    private RequestOptions requestOptions(FetchTask task) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(task.target().url())
                .setFollowRedirects(false)
                .setConnectTimeout(fetch.connectTimeout().toMillis())
                .putHeader(HttpHeaders.USER_AGENT, userAgent)
                .putHeader(HttpHeaders.ACCEPT, accept(task))
                .putHeader(HttpHeaders.ACCEPT_ENCODING, ACCEPT_ENCODING);
        // A revisit asks "only if changed": an unchanged page then costs the server a head, not a body.
        Validators validators = task.validators();
        if (validators.etag() != null) {
            options.putHeader(HttpHeaders.IF_NONE_MATCH, validators.etag());
        }
        if (validators.lastModified() != null) {
            options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, validators.lastModified());
        }
        return options;
    }

    private static String accept(FetchTask task) {
        return switch (task.kind()) {
            case ROBOTS -> ROBOTS_ACCEPT;
            case SITEMAP -> SITEMAP_ACCEPT;
            case PAGE -> PAGE_ACCEPT;
        };
    }

    private static HttpClientOptions clientOptions(FetchConfig fetch) {
        return new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(fetch.connectTimeout().toMillis()))
                .setKeepAlive(true)
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                .setDecompressionSupported(true)
                .setMaxHeaderSize(MAX_HEADER_BYTES);
    }

    private static PoolOptions poolOptions(FetchConfig fetch) {
        int concurrency = Math.max(1, fetch.concurrency());
        return new PoolOptions()
                .setHttp1MaxSize(Math.min(concurrency, MAX_CONNECTIONS_PER_HOST))
                .setMaxWaitQueueSize(concurrency);
    }
}
