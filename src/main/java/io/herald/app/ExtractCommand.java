package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.ConfigLoader;
import io.herald.config.ExtractConfig;
import io.herald.extract.ArticleExtractor;
import io.herald.fetch.PageFetcher;
import io.herald.model.CrawlUrl;
import io.herald.model.ExtractResult;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.herald.sink.ArticleJson;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code herald extract FILE|URL...}: runs the extractor on saved pages (or fetches a URL once) and prints
 * one JSON line per input, in input order, with the input in {@code source}. Files are extracted in
 * parallel on all cores, so a folder of hundreds of pages takes seconds.
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
        ExtractConfig config;
        try {
            config = options.file == null && options.overrides.isEmpty()
                    ? ConfigLoader.load(Map.of("crawl.seeds", "http://localhost/")).extract()
                    : options.load().extract();
        } catch (ConfigException e) {
            System.err.println("herald: config error: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        ArticleExtractor extractor = new ArticleExtractor(config);
        List<JsonObject> lines = inputs.parallelStream().map(input -> extractOne(extractor, input)).toList();
        boolean allRead = true;
        for (JsonObject line : lines) {
            System.out.println(line.encode());
            allRead &= !line.containsKey("error");
        }
        return allRead ? 0 : Main.EXIT_FATAL;
    }

    private JsonObject extractOne(ArticleExtractor extractor, String input) {
        try {
            boolean isUrl = input.startsWith("http://") || input.startsWith("https://");
            byte[] body = isUrl ? fetch(input) : Files.readAllBytes(Path.of(input));
            String base = isUrl ? input : baseUrl != null ? baseUrl : Path.of(input).toAbsolutePath().toUri().toString();
            ExtractResult result = extractor.extract(body, null, base);
            if (result.article() == null) {
                return new JsonObject().put("source", input).put("pageType", result.type().name().toLowerCase(java.util.Locale.ROOT))
                        .put("links", result.links().size()).put("flags", new io.vertx.core.json.JsonArray(result.flags()));
            }
            return ArticleJson.toJson(result.article(), input);
        } catch (IOException | RuntimeException e) {
            return new JsonObject().put("source", input).put("error", String.valueOf(e.getMessage()));
        }
    }

    /** One plain request with the configured user agent; no robots check (the user asked for this page). */
    private byte[] fetch(String url) throws IOException {
        Vertx vertx = Vertx.vertx();
        try {
            var crawlConfig = ConfigLoader.load(Map.of("crawl.seeds", url));
            PageFetcher fetcher = new PageFetcher(vertx, crawlConfig.fetch(), crawlConfig.politeness().userAgent());
            String host = java.net.URI.create(url).getScheme() + "://" + java.net.URI.create(url).getAuthority();
            FetchResult result = fetcher.fetch(new FetchTask(new CrawlUrl(url, host, 0, null, Via.SEED, 0, 0),
                    FetchTask.Kind.PAGE)).toCompletionStage().toCompletableFuture().join();
            if (result instanceof FetchResult.Fetched fetched) {
                return fetched.body();
            }
            throw new IOException("fetch of " + url + " gave " + result.outcome());
        } finally {
            vertx.close();
        }
    }
}
