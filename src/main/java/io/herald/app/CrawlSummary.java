package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.model.FrontierStatus;
import io.herald.model.HostPoliteness;
import io.herald.monitor.CrawlCounters;
import io.herald.monitor.CrawlReport;
import io.herald.monitor.CrawlStats;
import io.herald.monitor.StatusJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The end-of-crawl record written to {@code summary.json} beside the articles.
 *
 * @param json        the whole summary, as written
 * @param path        where it was written
 * @param reason      why the crawl ended
 * @param outputFiles the article files in the output folder
 * @param counters    this run's and the whole crawl's counters
 * @param frontier    the frontier's last status, whose hosts the summary lists
 */
public record CrawlSummary(JsonObject json, Path path, String reason, List<Path> outputFiles, CrawlReport counters,
                           FrontierStatus frontier) {

    static CrawlSummary write(CrawlConfig config, String reason, FrontierStatus frontier, CrawlStats stats) {
        Path dir = config.output().dir();
        List<Path> files = articleFiles(dir);
        CrawlReport counters = stats.snapshot();
        JsonObject json = new JsonObject()
                .put("crawl", config.crawl().name())
                .put("finishedAt", Instant.now().toString())
                .put("reason", reason)
                .put("outputFiles", new JsonArray(files.stream().map(Path::toString).toList()))
                .mergeIn(StatusJson.report(counters))
                .put("hosts", StatusJson.hosts(frontier.hosts()));
        Path path = dir.resolve("summary.json");
        try {
            Files.createDirectories(dir);
            Files.writeString(path, json.encodePrettily() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a full disk must not turn a clean stop into a crash: the articles and the state are what count
            LoggerFactory.getLogger(CrawlSummary.class).warn("could not write {}: {}", path, e.toString());
        }
        return new CrawlSummary(json, path, reason, files, counters, frontier);
    }

    static List<Path> articleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("articles-\\d+\\.jsonl(\\.gz)?")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long articles() {
        return counters.run().articlesWritten();
    }

    public long pages() {
        return counters.run().pagesFetched();
    }

    /** The whole crawl's counters (all runs) as written: the {@code total} object of {@code summary.json}. */
    public JsonObject total() {
        return json.getJsonObject("total");
    }

    /** One line per host for the console: requests, robots state, the delay kept and why. */
    public List<String> hostLines() {
        return frontier.hosts().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            HostPoliteness h = e.getValue().politeness();
            return String.format(Locale.ROOT, "  %-28s %4d requests  %3d robots-blocked  robots %-12s delay %5dms (%s)  last %s",
                    e.getKey(), h.requests(), h.robotsBlocked(), h.robots().state(), h.delayMs(),
                    h.skipped() == null ? h.delayReason() : "skipped: " + h.skipped(), h.lastOutcome());
        }).toList();
    }

    /** One line for the console; a resumed crawl's line ends with the crawl's totals. */
    public String line() {
        double seconds = counters.run().elapsedMs() / 1000.0;
        String files = outputFiles.isEmpty() ? "(no articles)"
                : String.join(", ", outputFiles.stream().map(Path::toString).toList());
        String line = String.format(Locale.ROOT,
                "done in %.1fs (%s): %d pages, %d articles, %d robots-blocked → %s   (summary: %s)",
                seconds, reason, pages(), articles(), robotsBlocked(counters.run()), files, path);
        if (counters.runs() <= 1) {
            return line;
        }
        String since = counters.firstStartedAt() == null ? "an unknown time" : counters.firstStartedAt().toString();
        return line + String.format(Locale.ROOT, "%n  crawl so far (%d runs since %s): %d pages, %d articles, %d robots-blocked",
                counters.runs(), since, counters.total().pagesFetched(), counters.total().articlesWritten(),
                robotsBlocked(counters.total()));
    }

    private static long robotsBlocked(CrawlCounters c) {
        return c.urls().getOrDefault("robots_blocked", 0L);
    }
}
