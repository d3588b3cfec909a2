package io.herald.model;

import java.time.Duration;
import java.time.Instant;

/**
 * What came of one request. Every kind is counted under {@link #outcome()}.
 * Each result carries the task it answers and two times: how long the whole exchange took, and how long
 * the server took to answer, which is what the politeness gate's adaptive delay follows.
 */
public sealed interface FetchResult {

    FetchTask task();

    /**
     * Time from asking for the request (a pooled connection included) to the end of the response (or the
     * failure): what the exchange cost Herald.
     */
    Duration elapsed();

    /**
     * The server's time: from the request being written on a connection to the response head. It leaves out
     * waiting for a connection, the body's transfer and Herald's own queues. For a {@link NetworkError} it is
     * the time from writing to the failure (or to the head, if one came), and null when no request was
     * written (connect or DNS failure, no connection within the timeout).
     */
    Duration serverTime();

    /** A short stable name for counters and logs, e.g. {@code fetched}, {@code http_404}. */
    String outcome();

    /**
     * A complete 2xx response whose body was read within the size limit; {@code validators} are its {@code ETag}
     * and {@code Last-Modified} ({@link Validators#NONE} when it sent neither).
     */
    record Fetched(FetchTask task, Duration elapsed, Duration serverTime, int status, String contentType, byte[] body,
                   Instant fetchedAt, Validators validators) implements FetchResult {
        @Override public String outcome() { return "fetched"; }
    }

    /**
     * A 304 to a conditional request: the page is as it was at the last visit, so there is nothing to extract.
     * {@code validators} are the ones the 304 carried, or the request's when it carried none.
     */
    record NotModified(FetchTask task, Duration elapsed, Duration serverTime, Validators validators)
            implements FetchResult {
        @Override public String outcome() { return "unchanged"; }
    }

    /** A 3xx with a Location; the frontier decides whether to follow it. */
    record Redirect(FetchTask task, Duration elapsed, Duration serverTime, int status, String location)
            implements FetchResult {
        @Override public String outcome() { return "redirect"; }
    }

    /** A 4xx/5xx (or a 3xx without Location). {@code retryAfter} is null unless the server sent one. */
    record HttpError(FetchTask task, Duration elapsed, Duration serverTime, int status, Duration retryAfter)
            implements FetchResult {
        @Override public String outcome() { return "http_" + status; }

        /** 429 and 5xx are worth another try later; other 4xx are final. */
        public boolean isTransient() {
            return status == 429 || status >= 500;
        }
    }

    /** Connect failure, DNS failure, reset, or timeout. Always transient. {@code serverTime} may be null. */
    record NetworkError(FetchTask task, Duration elapsed, Duration serverTime, String kind, String message)
            implements FetchResult {
        @Override public String outcome() { return "network_" + kind; }
    }

    /** The body went past the configured limit; reading stopped there and the body was dropped. */
    record TooLarge(FetchTask task, Duration elapsed, Duration serverTime, int status, long limitBytes)
            implements FetchResult {
        @Override public String outcome() { return "too_large"; }
    }

    /** A 2xx whose content type is not HTML; not downloaded. */
    record NotHtml(FetchTask task, Duration elapsed, Duration serverTime, int status, String contentType)
            implements FetchResult {
        @Override public String outcome() { return "not_html"; }
    }
}
