package io.herald.model;

/** Event-bus addresses. Every message on them is one of the records of this package. */
public final class Addresses {
    /** Request a {@link FetchTask}; the reply comes when one is due (long poll), or null when the crawl is over. */
    public static final String FRONTIER_NEXT = "herald.frontier.next";
    /** Send a {@link FetchResult} as soon as a response ended, so the host's clock starts. */
    public static final String FRONTIER_FETCHED = "herald.frontier.fetched";
    /** Send a {@link Processed} once a page's article is written and its links are known. */
    public static final String FRONTIER_PROCESSED = "herald.frontier.processed";
    /** Request the frontier's {@link FrontierStatus} (counters and per-host state) for /status. */
    public static final String FRONTIER_STATUS = "herald.frontier.status";
    /** Send (no body) to stop handing out work: in-flight pages finish, then the crawl is finished. */
    public static final String FRONTIER_STOP = "herald.frontier.stop";
    /** Pause (body true) or resume (false) handing out work; replies once applied. */
    public static final String FRONTIER_PAUSE = "herald.frontier.pause";
    /** Seeds added while the crawl runs: a JsonArray of URLs; the reply maps each URL to what became of it. */
    public static final String FRONTIER_SEEDS = "herald.frontier.seeds";
    /**
     * Cluster mode: request with a {@link HandedOver}, URLs of this node's hosts sent by another node; the reply (the
     * number of URLs) comes once they are admitted.
     */
    public static final String FRONTIER_HANDED_OVER = "herald.frontier.handedOver";
    /** Published once when the crawl has nothing left to do; the body is the reason as a String. */
    public static final String CRAWL_FINISHED = "herald.crawl.finished";
    /**
     * Published when a stage can no longer keep its promise (the output or the state cannot be written, e.g. the
     * disk is full); the body is a {@link Fault}. The crawl stops cleanly and reports it.
     */
    public static final String CRAWL_FAULT = "herald.crawl.fault";
    /** Request extraction of a {@link Page}; the reply is an {@link ExtractResult}. */
    public static final String EXTRACT = "herald.extract";
    /** Request the reading of a fetched sitemap or feed (a {@link Page}); the reply is a {@link Discovered}. */
    public static final String DISCOVER = "herald.discover";
    /** Send a {@link Discovered} once a sitemap task is over (read, or failed with no URLs). */
    public static final String FRONTIER_DISCOVERED = "herald.frontier.discovered";
    /** Request a write of an {@link Article}; the reply (Boolean) says whether it was new and is written. */
    public static final String SINK_WRITE = "herald.sink.write";

    /**
     * Request a write of a fetch's WARC records (an {@link HttpCapture}, only with {@code output.warc}); the reply is
     * the {@link WarcRef} of its response record.
     */
    public static final String SINK_RECORD = "herald.sink.record";

    /**
     * Request (no body) that the output be forced to disk; the reply (null) comes once every line written
     * before the request is synced. The frontier asks before it commits finished URLs.
     */
    public static final String SINK_SYNC = "herald.sink.sync";

    private Addresses() {
    }
}
