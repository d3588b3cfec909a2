package io.herald.fetch;

import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * HTTP meters of the fetch stage, each recorded by a one-line call where the event happens: responses by status
 * class, exchange and server times and body sizes as histograms, and how long a fetch slot waited for work.
 * Labels are bounded: {@code kind} (page, robots, sitemap) and {@code status_class} (1xx-5xx, none); never a host.
 * Histogram buckets are fixed, so each series costs a dozen lines of /metrics whatever the crawl's size.
 */
public final class FetchMetrics {
    static final String RESPONSES = "herald.fetch.responses";
    static final String DURATION = "herald.fetch.duration";
    static final String SERVER_DURATION = "herald.fetch.server.duration";
    static final String BODY = "herald.fetch.body";
    static final String SLOT_WAIT = "herald.fetch.slot.wait";
    static final String OUTCOMES = "herald.fetch.outcomes";

    private static final Duration[] TIME_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};
    private static final double[] BYTE_BUCKETS = {1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216};

    private final MeterRegistry registry;

    public FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished exchange: its status class, its times and, for a complete 2xx, the body's decoded size. */
    public void record(FetchResult result) {
        String kind = kind(result.task());
        Counter.builder(RESPONSES).description("Requests by kind and HTTP status class (none: no response)")
                .tag("kind", kind).tag("status_class", statusClass(result)).register(registry).increment();
        timer(DURATION, "Whole exchanges: from asking for a connection to the end of the body or the failure", kind)
                .record(result.elapsed());
        if (result.serverTime() != null) {
            timer(SERVER_DURATION, "Server time: from the request written to the response head", kind)
                    .record(result.serverTime());
        }
        if (result instanceof FetchResult.Fetched fetched) {
            DistributionSummary.builder(BODY).baseUnit("bytes")
                    .description("Decoded body sizes of complete 2xx responses")
                    .serviceLevelObjectives(BYTE_BUCKETS).tag("kind", kind).register(registry)
                    .record(fetched.body().length);
        }
    }

    /** One result, by kind of request and {@link FetchResult#outcome()}: what /status and the summary count. */
    public void outcome(FetchResult result) {
        Counter.builder(OUTCOMES).description("Fetch results by kind of request and outcome")
                .tag("kind", kind(result.task())).tag("outcome", result.outcome()).register(registry).increment();
    }

    /**
     * A fetch slot got work after asking at {@code askedNanos} ({@link System#nanoTime()}). While URLs are queued
     * this is the politeness wait: the frontier answers only when some host's delay has run out.
     */
    public void slotWaited(long askedNanos) {
        timer(SLOT_WAIT, "Time a fetch slot waited for the frontier to hand it a request (politeness waits)", null)
                .record(Duration.ofNanos(System.nanoTime() - askedNanos));
    }

    /** 1xx…5xx from the response's status; {@code none} when no response came (network error, timeout). */
    static String statusClass(FetchResult result) {
        int status = 0;
        if (result instanceof FetchResult.Fetched r) {
            status = r.status();
        } else if (result instanceof FetchResult.Redirect r) {
            status = r.status();
        } else if (result instanceof FetchResult.HttpError r) {
            status = r.status();
        } else if (result instanceof FetchResult.TooLarge r) {
            status = r.status();
        } else if (result instanceof FetchResult.NotHtml r) {
            status = r.status();
        } else if (result instanceof FetchResult.NotModified) {
            status = 304;
        }
        return status >= 100 && status < 600 ? status / 100 + "xx" : "none";
    }

    private Timer timer(String name, String description, String kind) {
        Timer.Builder builder = Timer.builder(name).description(description).serviceLevelObjectives(TIME_BUCKETS);
        return (kind == null ? builder : builder.tag("kind", kind)).register(registry);
    }

    private static String kind(FetchTask task) {
        return task.kind().name().toLowerCase(Locale.ROOT);
    }
}
