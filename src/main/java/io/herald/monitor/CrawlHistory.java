package io.herald.monitor;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What a crawl has done over its runs, as its state remembers it: how many runs have started, when the first
 * one did, how long the runs have crawled, and what they counted. Each run's share is as of that run's last
 * checkpoint, so after a crash it matches what the state and the output hold.
 *
 * @param runs           runs started, this one included once it is recorded; a state made before Herald kept a
 *                       history counts its earlier runs as one
 * @param firstStartedAt when the first run started; null if not yet or unknown (a state made before Herald kept
 *                       a history)
 * @param elapsedMs      time the runs spent crawling, summed
 * @param counters       the runs' counters, summed
 */
public record CrawlHistory(long runs, Instant firstStartedAt, long elapsedMs, CounterSnapshot counters) {
    private static final String ARTICLES = "herald.sink.articles";
    private static final Map<String, String> WRITTEN = Map.of("result", "written");

    /** A crawl that has not run yet. */
    public static CrawlHistory none() {
        return new CrawlHistory(0, null, 0, CounterSnapshot.EMPTY);
    }

    /** A crawl whose state holds no history although it has run: what its earlier runs did is unknown. */
    public static CrawlHistory unknown() {
        return new CrawlHistory(1, null, 0, CounterSnapshot.EMPTY);
    }

    /** This history followed by one more run that started at {@code startedAt}, crawled {@code runMs}, counted {@code run}. */
    public CrawlHistory plusRun(Instant startedAt, long runMs, CounterSnapshot run) {
        return new CrawlHistory(runs + 1, runs == 0 ? startedAt : firstStartedAt, elapsedMs + runMs, counters.plus(run));
    }

    /** Articles written so far (lines that were in the output at each run's last checkpoint). */
    public long articlesWritten() {
        return counters.get(ARTICLES, WRITTEN);
    }

    /**
     * This history with at least {@code articles} written. The output folder is the ground truth: a run killed
     * after a checkpoint leaves lines in the output that its history does not count.
     */
    public CrawlHistory withArticlesAtLeast(long articles) {
        if (articles <= articlesWritten()) {
            return this;
        }
        return new CrawlHistory(runs, firstStartedAt, elapsedMs, counters.with(ARTICLES, WRITTEN, articles));
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("runs", runs)
                .put("firstStartedAt", firstStartedAt == null ? null : firstStartedAt.toString())
                .put("elapsedMs", elapsedMs)
                .put("counters", counters.toJson());
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException if {@code json} is not of that shape
     */
    public static CrawlHistory fromJson(JsonObject json) {
        try {
            String first = json.getString("firstStartedAt");
            return new CrawlHistory(json.getLong("runs", 0L), first == null ? null : Instant.parse(first),
                    json.getLong("elapsedMs", 0L), CounterSnapshot.fromJson(json.getJsonObject("counters", new JsonObject())));
        } catch (ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a crawl history: " + e.getMessage(), e);
        }
    }
}
