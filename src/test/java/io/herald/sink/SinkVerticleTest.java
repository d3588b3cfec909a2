package io.herald.sink;

import io.herald.config.OutputConfig;
import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.LocalCodec;
import io.herald.model.Via;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SinkVerticleTest {
    @TempDir
    Path dir;
    final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void writesEachArticleOnceAndRepliesWhetherItWasNew(Vertx vertx, VertxTestContext ctx) {
        List<Object> replies = new ArrayList<>();
        vertx.deployVerticle(TestSinks.jsonl(new OutputConfig(dir, 1 << 20), new InMemoryWrittenKeys(), registry))
                .compose(id -> send(vertx, TestArticles.full("http://127.0.0.2:8090/a"), replies)
                        .compose(v -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/b"), replies))
                        .compose(v -> send(vertx, TestArticles.full("http://127.0.0.2:8090/a"), replies))
                        .compose(v -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/b#comments"), replies))
                        .compose(v -> vertx.undeploy(id)))
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(replies).containsExactly(true, true, false, false);
                    List<String> lines = Files.readAllLines(dir.resolve("articles-0001.jsonl"));
                    assertThat(lines).extracting(l -> new JsonObject(l).getString("url"))
                            .containsExactly("http://127.0.0.2:8090/a", "http://127.0.0.2:8090/b");
                    assertThat(count("written")).isEqualTo(2);
                    assertThat(count("duplicate")).isEqualTo(2);
                    assertThat(count("failed")).isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    void aRestartedCrawlDoesNotWriteAnArticleAgain(Vertx vertx, VertxTestContext ctx) {
        List<Object> replies = new ArrayList<>();
        OutputConfig config = new OutputConfig(dir, 1 << 20);
        vertx.deployVerticle(TestSinks.jsonl(config, new InMemoryWrittenKeys(), registry))
                .compose(id -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/a"), replies)
                        .compose(v -> vertx.undeploy(id)))
                .compose(v -> tearTail(dir.resolve("articles-0001.jsonl")))
                .compose(v -> vertx.deployVerticle(TestSinks.jsonl(config, new InMemoryWrittenKeys(), registry)))
                .compose(id -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/a"), replies)
                        .compose(v -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/b"), replies))
                        .compose(v -> vertx.undeploy(id)))
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(replies).containsExactly(true, false, true);
                    assertThat(Files.readAllLines(dir.resolve("articles-0001.jsonl"))).hasSize(1); // tail repaired
                    assertThat(Files.readAllLines(dir.resolve("articles-0002.jsonl"))).hasSize(1)
                            .allSatisfy(l -> assertThat(l).contains("\"url\":\"http://127.0.0.2:8090/b\""));
                    ctx.completeNow();
                })));
    }

    @Test
    void anArticleThatCannotBeWrittenFailsTheMessage(Vertx vertx, VertxTestContext ctx) {
        Article noHost = new Article("http://h/a", TestArticles.FETCHED, 200, null, 0, null,
                Via.SEED, TestArticles.minimalContent(null, "t"));
        vertx.deployVerticle(TestSinks.jsonl(new OutputConfig(dir, 1 << 20), new InMemoryWrittenKeys(), registry))
                .compose(id -> vertx.eventBus().request(Addresses.SINK_WRITE, noHost, LocalCodec.OPTIONS))
                .onComplete(ctx.failing(err -> ctx.verify(() -> {
                    assertThat(err).hasMessageContaining("sink write failed");
                    assertThat(count("failed")).isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void writtenLinesReachTheFileBeforeTheReply(Vertx vertx, VertxTestContext ctx) {
        List<Object> replies = new ArrayList<>();
        vertx.deployVerticle(TestSinks.jsonl(new OutputConfig(dir, 1 << 20), new InMemoryWrittenKeys(), registry))
                .compose(id -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/a"), replies))
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    // no undeploy: the line is in the OS already, without waiting for a sync or close
                    assertThat(Files.readAllLines(dir.resolve("articles-0001.jsonl"))).hasSize(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void gzippedOutputOfEarlierRunsIsReadBackAndSyncIsAnswered(Vertx vertx, VertxTestContext ctx) {
        List<Object> replies = new ArrayList<>();
        OutputConfig config = new OutputConfig(dir, 1 << 20, Duration.ZERO, true);
        vertx.deployVerticle(TestSinks.jsonl(config, new InMemoryWrittenKeys(), registry))
                .compose(id -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/a"), replies)
                        .compose(v -> vertx.eventBus().request(Addresses.SINK_SYNC, null))
                        .compose(v -> vertx.undeploy(id)))
                .compose(v -> vertx.deployVerticle(TestSinks.jsonl(config, new InMemoryWrittenKeys(), registry)))
                .compose(id -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/a"), replies)
                        .compose(v -> vertx.undeploy(id)))
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(replies).containsExactly(true, false);
                    assertThat(JsonLinesWriter.existingFiles(dir)).containsExactly(dir.resolve("articles-0001.jsonl.gz"));
                    ctx.completeNow();
                })));
    }

    @Test
    void inAClusterAnArticleClaimedElsewhereIsADuplicateAndAFailedClaimStopsTheCrawl(Vertx vertx,
                                                                                      VertxTestContext ctx) {
        List<Object> replies = new ArrayList<>();
        Promise<Object> fault = Promise.promise();
        List<List<String>> confirmed = new ArrayList<>();
        ArticleClaims claims = new ArticleClaims() {
            @Override
            public Future<Boolean> claim(List<String> keys) {
                return keys.get(0).endsWith("/c") ? Future.failedFuture("cluster unreachable")
                        : Future.succeededFuture(!keys.get(0).endsWith("/b"));
            }

            @Override
            public Future<Void> release(List<String> keys) {
                return Future.succeededFuture();
            }

            @Override
            public Future<Void> confirm(List<String> keys) {
                confirmed.add(keys);
                return Future.succeededFuture();
            }
        };
        vertx.eventBus().<Object>consumer(Addresses.CRAWL_FAULT, m -> fault.tryComplete(m.body())).completion()
                .compose(ready -> vertx.deployVerticle(new SinkVerticle(new OutputConfig(dir, 1 << 20),
                        new InMemoryWrittenKeys(), registry, Map.of(), false, claims)))
                .compose(id -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/a"), replies)
                        .compose(v -> vertx.eventBus().request(Addresses.SINK_SYNC, null))
                        .compose(v -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/b"), replies))
                        .compose(v -> send(vertx, TestArticles.minimal("http://127.0.0.2:8090/c"), replies)
                                .otherwise(e -> {
                                    replies.add(e.getMessage());
                                    return null;
                                }))
                        .compose(v -> vertx.eventBus().request(Addresses.SINK_SYNC, null)
                                .map(r -> "synced").otherwise(e -> "sync failed"))
                        .compose(sync -> {
                            replies.add(sync);
                            return vertx.undeploy(id);
                        }))
                .compose(v -> fault.future())
                .onComplete(ctx.succeeding(reported -> ctx.verify(() -> {
                    assertThat(replies).hasSize(4).startsWith(true, false).endsWith("sync failed");
                    assertThat((String) replies.get(2)).contains("article claim failed");
                    assertThat(confirmed).containsExactly(List.of("http://127.0.0.2:8090/a"));
                    assertThat(reported).isInstanceOfSatisfying(Fault.class,
                            f -> assertThat(f.key()).isEqualTo("cluster"));
                    assertThat(Files.readAllLines(dir.resolve("articles-0001.jsonl"))).hasSize(1)
                            .allSatisfy(l -> assertThat(l).contains("\"url\":\"http://127.0.0.2:8090/a\""));
                    assertThat(count("duplicate")).isEqualTo(1);
                    assertThat(count("failed")).isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    private static Future<Void> send(Vertx vertx, Article article, List<Object> replies) {
        return vertx.eventBus().request(Addresses.SINK_WRITE, article, LocalCodec.OPTIONS)
                .map(Message::body)
                .map(body -> {
                    replies.add(body);
                    return null;
                });
    }

    private static Future<Void> tearTail(Path file) {
        try {
            Files.writeString(file, "{\"url\":\"http://127.0.0.2:8090/torn", StandardOpenOption.APPEND);
            return Future.succeededFuture();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double count(String result) {
        return registry.get("herald.sink.articles").tag("result", result).counter().count();
    }
}
