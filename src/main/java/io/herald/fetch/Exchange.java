package io.herald.fetch;

import io.herald.model.FetchResult;
import io.herald.model.FetchResult.Fetched;
import io.herald.model.FetchResult.HttpError;
import io.herald.model.FetchResult.NetworkError;
import io.herald.model.FetchResult.NotHtml;
import io.herald.model.FetchResult.NotModified;
import io.herald.model.FetchResult.Redirect;
import io.herald.model.FetchResult.TooLarge;
import io.herald.model.FetchTask;
import io.herald.model.HttpCapture;
import io.herald.model.Validators;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The life of one request: a timer over the whole exchange, the response head, and the body counted
 * against a cap as it streams in. Every path ends in exactly one {@link FetchResult}; the first to finish
 * wins and later events are ignored.
 *
 * <p>Two times are taken: the whole exchange from {@link #run} ({@link FetchResult#elapsed()}), and the
 * server's time from the request being written on a connection it obtained to the response head
 * ({@link FetchResult#serverTime()}), which leaves out waiting for a pooled connection and the body's transfer.
 *
 * <p>Response callbacks run on the connection's event loop but the timer may fire on another, so the
 * outcome is settled through the promise ({@code tryComplete} is thread-safe) and the body buffer is only
 * touched by response callbacks.
 */
final class Exchange {

    /** Redirect and error bodies are drained up to this size so the keep-alive connection can be reused. */
    static final int DISCARD_LIMIT = 64 * 1024;

    /** A declared length is a hint, not a promise: never pre-allocate more than this on its word. */
    private static final int MAX_INITIAL_CAPACITY = 1024 * 1024;
    private static final int DEFAULT_INITIAL_CAPACITY = 16 * 1024;
    /** nanoTime may be any long, so "not yet" is a value it will not reach in practice. */
    private static final long NOT_YET = Long.MIN_VALUE;

    private final Vertx vertx;
    private final FetchTask task;
    private final long bodyLimit;
    private final long timeoutMillis;
    private final long startNanos = System.nanoTime();
    /** When the request was written, then when its head came; {@link #NOT_YET} before. */
    private volatile long sentNanos = NOT_YET;
    private volatile long headNanos = NOT_YET;
    private final Promise<Captured> promise = Promise.promise();

    private volatile HttpClientRequest request;
    private volatile Function<Duration, FetchResult> onTimeout;
    private volatile long timerId;
    private Buffer body;
    private long discarded;
    /** Null unless the exchange is recorded (WARC output on). */
    private final Recorder recorder;
    private volatile boolean timedOut;

    Exchange(Vertx vertx, FetchTask task, long bodyLimit, long timeoutMillis) {
        this(vertx, task, bodyLimit, timeoutMillis, false);
    }

    /** @param record keep what was sent and received, for {@link #capture()} */
    Exchange(Vertx vertx, FetchTask task, long bodyLimit, long timeoutMillis, boolean record) {
        this.vertx = vertx;
        this.recorder = record ? new Recorder() : null;
        this.task = task;
        this.bodyLimit = bodyLimit;
        this.timeoutMillis = Math.max(1, timeoutMillis); // Vert.x timers need at least 1 ms
        this.onTimeout = elapsed -> new NetworkError(task, elapsed, serverTime(), FailureKind.TIMEOUT,
                "no complete response within " + this.timeoutMillis + " ms");
    }

    /** Runs the exchange on a request that is being set up; the future never fails. */
    Future<FetchResult> run(Future<HttpClientRequest> pending) {
        return runCaptured(pending).map(Captured::result);
    }

    /** As {@link #run}, with what was sent and received when the exchange is recorded. */
    Future<Captured> runCaptured(Future<HttpClientRequest> pending) {
        timerId = vertx.setTimer(timeoutMillis, id -> {
            timedOut = true;
            finish(onTimeout, true);
        });
        pending.onSuccess(this::send).onFailure(this::onFailure);
        return promise.future();
    }

    private void send(HttpClientRequest req) {
        request = req;
        if (promise.future().isComplete()) {
            req.reset(); // time ran out while we waited for a connection
            return;
        }
        // Listen on send()'s own future, not on a composed one: only its callbacks run in the same
        // event-loop turn as the response head, before any body chunk or the end can be delivered
        // (a composed future may call back a turn later, when the body is already gone).
        sentNanos = System.nanoTime();
        if (recorder != null) {
            recorder.sent(req);
        }
        req.send().onSuccess(this::onResponse).onFailure(this::onFailure);
    }

    private void onResponse(HttpClientResponse response) {
        headNanos = System.nanoTime();
        if (recorder != null) {
            recorder.head(response);
        }
        try {
            // Set first, so that our own reset below is reported here (and ignored) rather than logged.
            response.exceptionHandler(this::onFailure);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                onSuccessStatus(response, status);
            } else if (status == 304 && !task.validators().isEmpty()) {
                discardThen(response, notModified(response)); // only a conditional request is answered "unchanged"
            } else if (status >= 300 && status < 400) {
                discardThen(response, redirect(response, status));
            } else {
                discardThen(response, httpError(response, status));
            }
        } catch (RuntimeException unexpected) {
            // e.g. Vert.x refusing handlers on a response that already ended: answer now, not at the timeout
            finish(elapsed -> new NetworkError(task, elapsed, serverTime(), FailureKind.OTHER,
                    String.valueOf(unexpected)), true);
        }
    }

    private void onSuccessStatus(HttpClientResponse response, int status) {
        String contentType = response.getHeader(HttpHeaders.CONTENT_TYPE);
        if (!task.acceptsAnyContentType() && !ResponseRules.isHtml(contentType)) {
            finish(elapsed -> new NotHtml(task, elapsed, serverTime(), status, contentType), true);
            return;
        }
        long declared = ResponseRules.contentLength(response.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (!task.isRobots() && declared > bodyLimit) {
            finish(tooLarge(status), true);
            return;
        }
        body = Buffer.buffer(initialCapacity(declared));
        Validators validators = validators(response);
        response.handler(chunk -> onChunk(chunk, status, contentType))
                .endHandler(end -> finish(fetched(status, contentType, validators), false));
    }

    /** Counts decoded bytes, so a compressed bomb is cut off at the same cap as a plain body. */
    private void onChunk(Buffer chunk, int status, String contentType) {
        if (promise.future().isComplete()) {
            return;
        }
        long room = bodyLimit - body.length();
        if (chunk.length() < room) {
            body.appendBuffer(chunk);
        } else if (task.isRobots()) {
            // robots.txt keeps its prefix: the politeness layer trims it to the last whole line
            body.appendBuffer(chunk, 0, (int) room);
            if (recorder != null) {
                recorder.truncated("length");
            }
            finish(fetched(status, contentType, Validators.NONE), true); // a cut robots.txt is not revisited
        } else if (chunk.length() == room) {
            body.appendBuffer(chunk); // exactly at the cap is still within it
        } else {
            finish(tooLarge(status), true);
        }
    }

    private void discardThen(HttpClientResponse response, Function<Duration, FetchResult> outcome) {
        onTimeout = outcome; // the head already told us what we need; a slow body doesn't change it
        response.exceptionHandler(failure -> finish(outcome, false))
                .handler(chunk -> {
                    if (recorder != null) {
                        recorder.discardedChunk(chunk);
                    }
                    discarded += chunk.length();
                    if (discarded > DISCARD_LIMIT) {
                        finish(outcome, true);
                    }
                })
                .endHandler(end -> {
                    if (recorder != null) {
                        recorder.ended();
                    }
                    finish(outcome, false);
                });
    }

    private void onFailure(Throwable failure) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        finish(elapsed -> new NetworkError(task, elapsed, serverTime(), FailureKind.of(failure), message), false);
    }

    private void finish(Function<Duration, FetchResult> outcome, boolean resetRequest) {
        if (promise.future().isComplete()) {
            return;
        }
        FetchResult result = outcome.apply(Duration.ofNanos(System.nanoTime() - startNanos));
        HttpCapture capture = recorder == null ? null : recorder.capture(result, body, timedOut);
        if (promise.tryComplete(new Captured(result, capture))) {
            vertx.cancelTimer(timerId);
            HttpClientRequest req = request;
            if (resetRequest && req != null) {
                req.reset(); // for HTTP/1.1 this closes the connection, so no more bytes are read
            }
        }
    }

    private Function<Duration, FetchResult> fetched(int status, String contentType, Validators validators) {
        return elapsed -> new Fetched(task, elapsed, serverTime(), status, contentType, body.getBytes(), Instant.now(),
                validators);
    }

    private Function<Duration, FetchResult> notModified(HttpClientResponse response) {
        Validators sent = validators(response);
        Validators kept = sent.isEmpty() ? task.validators() : sent;
        return elapsed -> new NotModified(task, elapsed, serverTime(), kept);
    }

    private static Validators validators(HttpClientResponse response) {
        return new Validators(response.getHeader(HttpHeaders.ETAG), response.getHeader(HttpHeaders.LAST_MODIFIED));
    }

    private Function<Duration, FetchResult> tooLarge(int status) {
        return elapsed -> new TooLarge(task, elapsed, serverTime(), status, bodyLimit);
    }

    private Function<Duration, FetchResult> redirect(HttpClientResponse response, int status) {
        String location = ResponseRules.resolveLocation(task.target().url(),
                response.getHeader(HttpHeaders.LOCATION));
        if (location == null) {
            return elapsed -> new HttpError(task, elapsed, serverTime(), status, null);
        }
        return elapsed -> new Redirect(task, elapsed, serverTime(), status, location);
    }

    private Function<Duration, FetchResult> httpError(HttpClientResponse response, int status) {
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.getHeader(HttpHeaders.RETRY_AFTER), Instant.now())
                : null;
        return elapsed -> new HttpError(task, elapsed, serverTime(), status, retryAfter);
    }

    /**
     * Written to head; written to now if no head came (a failure or timeout while the server had the request);
     * null if nothing was written.
     */
    private Duration serverTime() {
        long sent = sentNanos;
        if (sent == NOT_YET) {
            return null;
        }
        long head = headNanos;
        return Duration.ofNanos((head == NOT_YET ? System.nanoTime() : head) - sent);
    }

    private int initialCapacity(long declared) {
        long hint = declared > 0 ? declared : DEFAULT_INITIAL_CAPACITY;
        return (int) Math.min(Math.min(hint, bodyLimit), MAX_INITIAL_CAPACITY);
    }
}
