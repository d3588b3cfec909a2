package io.herald.monitor;

import io.herald.model.FetchResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The last few failed requests (an HTTP error, a network error, a body over the size limit), newest first, for
 * {@code /status} and the status page. Bounded, so a crawl of failing hosts costs no memory; thread-safe, because
 * the fetch slots record and the monitor reads on different threads.
 */
public final class RecentErrors implements Consumer<FetchResult> {
    /** How many errors {@code /status} keeps: enough to see a pattern, few enough to read at a glance. */
    public static final int CAPACITY = 20;

    private record Entry(String url, String request, String kind, Instant at) {
    }

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>(CAPACITY);

    public RecentErrors(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the result if it is an error; other results, and a robots.txt's 4xx (no rules: all allowed), are ignored. */
    @Override
    public void accept(FetchResult result) {
        boolean robotsAbsent = result.task().isRobots() && result instanceof FetchResult.HttpError http
                && http.status() < 500;
        if (!robotsAbsent && (result instanceof FetchResult.HttpError || result instanceof FetchResult.NetworkError
                || result instanceof FetchResult.TooLarge)) {
            record(new Entry(result.task().target().url(), result.task().kind().name().toLowerCase(Locale.ROOT),
                    result.outcome(), clock.instant()));
        }
    }

    private synchronized void record(Entry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeLast();
        }
        entries.addFirst(entry);
    }

    /** {@code [{"url": …, "request": "page", "kind": "http_404", "at": "2026-…Z"}, …]}, newest first. */
    public synchronized JsonArray toJson() {
        JsonArray out = new JsonArray();
        for (Entry e : entries) {
            out.add(new JsonObject().put("url", e.url()).put("request", e.request()).put("kind", e.kind())
                    .put("at", e.at().toString()));
        }
        return out;
    }
}
