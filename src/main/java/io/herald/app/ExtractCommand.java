package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import io.herald.config.Durations;
import io.herald.extract.ArticleExtractor;
import io.herald.fetch.PageFetcher;
import io.herald.model.CrawlUrl;
import io.herald.model.ExtractResult;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.herald.sink.ArticleJson;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code herald extract FILE|URL...}: runs the extractor on saved pages (or fetches a URL once) and prints
 * one JSON line per input, in input order, with the input in {@code source}. Files are extracted in
 * parallel on all cores, so a folder of hundreds of pages takes seconds. URLs are fetched with the loaded
 * config's fetch settings and user agent, through one Vert.x and one fetcher; which config that was goes
 * to stderr.
 */
@Command(name = "extract", description = "Extract articles from saved pages or URLs; one JSON line each.")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|URL", arity = "1..*", description = "HTML files or http(s) URLs")
    List<String> inputs;

    @Option(names = "--base-url", paramLabel = "URL", description = "Base URL for relative links in files")
    String baseUrl;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        CrawlConfig config;
        try {
            config = options.file == null && options.overrides.isEmpty()
                    ? ConfigLoader.load(Map.of("crawl.seeds", "http://localhost/"))
                    : options.load();
        } catch (ConfigException e) {
            System.err.println("herald: config error: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        ArticleExtractor extractor = new ArticleExtractor(config.extract());
        List<JsonObject> lines;
        if (inputs.stream().anyMatch(ExtractCommand::isUrl)) {
            System.err.println("herald: fetching with " + (options.file == null ? "the default config" : options.file)
                    + (options.overrides.isEmpty() ? "" : " and --set " + options.overrides.keySet())
                    + ": user agent \"" + config.politeness().userAgent() + "\", timeout " + Durations.format(config.fetch().timeout()));
            lines = extractWithFetcher(config, extractor);
        } else {
            lines = extractAll(extractor, Map.of());
        }
        boolean allRead = true;
        for (JsonObject line : lines) {
            System.out.println(line.encode());
            allRead &= !line.containsKey("error");
        }
        return allRead ? 0 : Main.EXIT_FATAL;
    }

    /** One Vert.x and one fetcher for every URL, all fetched at once; closed when the pages are read. */
    private List<JsonObject> extractWithFetcher(CrawlConfig config, ArticleExtractor extractor) {
        Vertx vertx = Vertx.vertx();
        try {
            PageFetcher fetcher = new PageFetcher(vertx, config.fetch(), config.politeness().userAgent());
            Map<String, CompletableFuture<FetchResult>> fetches = new HashMap<>();
            inputs.stream().filter(ExtractCommand::isUrl).distinct().forEach(url -> fetches.put(url,
                    fetcher.fetch(task(url)).toCompletionStage().toCompletableFuture()));
            List<JsonObject> lines = extractAll(extractor, fetches);
            fetcher.close().await();
            return lines;
        } finally {
            vertx.close().await();
        }
    }

    private List<JsonObject> extractAll(ArticleExtractor extractor, Map<String, CompletableFuture<FetchResult>> fetches) {
        return inputs.parallelStream().map(input -> extractOne(extractor, input, fetches.get(input))).toList();
    }

    private static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    private JsonObject extractOne(ArticleExtractor extractor, String input, CompletableFuture<FetchResult> fetch) {
        try {
            boolean isUrl = fetch != null;
            byte[] body = isUrl ? body(input, fetch.join()) : Files.readAllBytes(Path.of(input));
            String base = isUrl ? input : baseUrl != null ? baseUrl : Path.of(input).toAbsolutePath().toUri().toString();
            ExtractResult result = extractor.extract(body, null, base);
            if (result.article() == null) {
                return new JsonObject().put("source", input).put("pageType", result.type().name().toLowerCase(Locale.ROOT))
                        .put("links", result.links().size()).put("flags", new JsonArray(result.flags()));
            }
            return ArticleJson.toJson(result.article(), input);
        } catch (IOException | RuntimeException e) {
            return new JsonObject().put("source", input).put("error", String.valueOf(e.getMessage()));
        }
    }

    /** One plain request with the configured user agent; no robots check (the user asked for this page). */
    private static FetchTask task(String url) {
        URI uri = URI.create(url);
        String host = uri.getScheme() + "://" + uri.getAuthority();
        return new FetchTask(new CrawlUrl(url, host, 0, null, Via.SEED, 0, 0), FetchTask.Kind.PAGE);
    }

    private static byte[] body(String url, FetchResult result) throws IOException {
        if (result instanceof FetchResult.Fetched fetched) {
            return fetched.body();
        }
        throw new IOException("fetch of " + url + " gave " + result.outcome());
    }
}
