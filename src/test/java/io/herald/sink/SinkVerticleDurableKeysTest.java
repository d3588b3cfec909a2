package io.herald.sink;

import io.herald.config.OutputConfig;
import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.LocalCodec;
import io.herald.state.RocksWrittenKeys;
import io.herald.state.StateDb;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink with its keys in the crawl's store: a restart reads back only what the keys do not cover. */
@ExtendWith(VertxExtension.class)
class SinkVerticleDurableKeysTest {
    @TempDir
    Path out;
    @TempDir
    Path state;

    @Test
    void articlesWhoseFilesWereTakenAwayAreStillNotWrittenAgain(Vertx vertx, VertxTestContext ctx) {
        List<Object> replies = new ArrayList<>();
        OutputConfig config = new OutputConfig(out, 1 << 20);
        StateDb first = StateDb.open(state, 8 << 20);
        vertx.deployVerticle(TestSinks.jsonl(config, new RocksWrittenKeys(first, 1 << 16), new SimpleMeterRegistry()))
                .compose(id -> send(vertx, "http://127.0.0.2:8090/a", replies)
                        .compose(v -> send(vertx, "http://127.0.0.2:8090/b", replies))
                        .compose(v -> vertx.eventBus().request(Addresses.SINK_SYNC, null))
                        .compose(v -> vertx.undeploy(id)))
                .compose(v -> {
                    first.close();
                    moveAway(out.resolve("articles-0001.jsonl")); // a downstream job took the closed file
                    StateDb second = StateDb.open(state, 8 << 20);
                    return vertx.deployVerticle(TestSinks.jsonl(config, new RocksWrittenKeys(second, 1 << 16),
                                    new SimpleMeterRegistry()))
                            .compose(id -> send(vertx, "http://127.0.0.2:8090/a", replies)
                                    .compose(v2 -> send(vertx, "http://127.0.0.2:8090/c", replies))
                                    .compose(v2 -> vertx.undeploy(id)))
                            .onComplete(ar -> second.close());
                })
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(replies).containsExactly(true, true, false, true);
                    assertThat(out.resolve("articles-0001.jsonl")).as("a taken number is not used again").doesNotExist();
                    assertThat(Files.readAllLines(out.resolve("articles-0002.jsonl"))).hasSize(1)
                            .allSatisfy(l -> assertThat(l).contains("\"url\":\"http://127.0.0.2:8090/c\""));
                    ctx.completeNow();
                })));
    }

    @Test
    void aRotatedFileHasItsKeysStoredBeforeItIsHandedOn(Vertx vertx, VertxTestContext ctx) {
        List<Object> replies = new ArrayList<>();
        OutputConfig config = new OutputConfig(out, 100, Duration.ZERO, true); // one line a file, gzip
        StateDb db = StateDb.open(state, 8 << 20);
        vertx.deployVerticle(TestSinks.jsonl(config, new RocksWrittenKeys(db, 1 << 16), new SimpleMeterRegistry()))
                .compose(id -> send(vertx, "http://127.0.0.2:8090/a", replies)
                        .compose(v -> send(vertx, "http://127.0.0.2:8090/b", replies))
                        .map(v -> {
                            // no sync, no stop: what a kill -9 now would leave. File 1 is closed and compressed,
                            // so a downstream job may already have taken it: a's key must be in the store.
                            ctx.verify(() -> {
                                assertThat(out.resolve("articles-0001.jsonl.gz")).exists();
                                RocksWrittenKeys stored = new RocksWrittenKeys(db, 0);
                                assertThat(stored.claim("http://127.0.0.2:8090/a")).isFalse();
                                assertThat(stored.claim("http://127.0.0.2:8090/b")).as("file 2 is still open").isTrue();
                                assertThat(stored.mark()).isEqualTo(new OutputMark(2, 0));
                            });
                            return id;
                        }))
                .compose(vertx::undeploy)
                .onComplete(ar -> db.close())
                .onComplete(ctx.succeeding(v -> ctx.completeNow()));
    }

    @Test
    void leftoverLinesAreReadBackAndStoredBeforeTheirFileIsCompressed(Vertx vertx, VertxTestContext ctx)
            throws IOException {
        // a crashed run left its open file plain, with a line the state has no key for
        Files.createDirectories(out);
        Files.writeString(out.resolve("articles-0001.jsonl"),
                ArticleJson.toJson(TestArticles.minimal("http://127.0.0.2:8090/a")).encode() + "\n");
        OutputConfig config = new OutputConfig(out, 1 << 20, Duration.ZERO, true);
        StateDb db = StateDb.open(state, 8 << 20);
        vertx.deployVerticle(TestSinks.jsonl(config, new RocksWrittenKeys(db, 1 << 16), new SimpleMeterRegistry()))
                .map(id -> {
                    ctx.verify(() -> {
                        assertThat(out.resolve("articles-0001.jsonl.gz")).exists();
                        assertThat(new RocksWrittenKeys(db, 0).claim("http://127.0.0.2:8090/a")).isFalse();
                    });
                    return id;
                })
                .compose(vertx::undeploy)
                .onComplete(ar -> db.close())
                .onComplete(ctx.succeeding(v -> ctx.completeNow()));
    }

    private static final String STORY = "http://127.0.0.2:8090/story";

    private static Article story(String text) {
        return new Article(STORY, TestArticles.FETCHED, 200, "127.0.0.2", 1, null, io.herald.model.Via.LINK,
                TestArticles.minimalContent(null, text));
    }

    /**
     * Versions across a kill -9: v1 and v2 are synced and their keys stored; v3's line reached the disk but the run
     * died before the sync that would store its keys. The restart reads v3 back: no text is written twice, and the
     * next new text is v4.
     */
    @Test
    void aVersionWhoseKeysWereNotStoredIsReadBackSoNoTextIsWrittenTwice(Vertx vertx, VertxTestContext ctx)
            throws IOException {
        List<Object> replies = new ArrayList<>();
        OutputConfig config = new OutputConfig(out, 1 << 20);
        StateDb first = StateDb.open(state, 8 << 20);
        vertx.deployVerticle(new SinkVerticle(config, new RocksWrittenKeys(first, 1 << 16), new SimpleMeterRegistry(),
                        java.util.Map.of(), true))
                .compose(id -> send(vertx, story("Text A."), replies)
                        .compose(v -> send(vertx, story("Text B."), replies))
                        .compose(v -> vertx.eventBus().request(Addresses.SINK_SYNC, null))
                        .compose(v -> vertx.undeploy(id)))
                .compose(v -> {
                    // the file after the recorded sync, as a run killed after writing v3's line leaves it
                    OutputMark mark = new RocksWrittenKeys(first, 0).mark();
                    first.close();
                    appendLine(out.resolve(String.format("articles-%04d.jsonl", mark.file())),
                            story("Text C.").withVersion(3));
                    StateDb second = StateDb.open(state, 8 << 20);
                    return vertx.deployVerticle(new SinkVerticle(config, new RocksWrittenKeys(second, 1 << 16),
                                    new SimpleMeterRegistry(), java.util.Map.of(), true))
                            .compose(id -> send(vertx, story("Text C."), replies)
                                    .compose(v2 -> send(vertx, story("Text B."), replies))
                                    .compose(v2 -> send(vertx, story("Text A."), replies))
                                    .compose(v2 -> send(vertx, story("Text D."), replies))
                                    .compose(v2 -> vertx.undeploy(id)))
                            .onComplete(ar -> second.close());
                })
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(replies).containsExactly(true, true, false, false, false, true);
                    List<String> lines = new ArrayList<>();
                    for (Path file : JsonLinesWriter.existingFiles(out)) {
                        lines.addAll(Files.readAllLines(file));
                    }
                    assertThat(lines).hasSize(4);
                    assertThat(lines.get(0)).doesNotContain("\"version\"").contains("Text A.");
                    assertThat(lines.get(1)).contains("Text B.", "\"version\":2,\"update\":true");
                    assertThat(lines.get(2)).contains("Text C.", "\"version\":3,\"update\":true");
                    assertThat(lines.get(3)).contains("Text D.", "\"version\":4,\"update\":true");
                    ctx.completeNow();
                })));
    }

    private static void appendLine(Path file, Article article) {
        try {
            Files.write(file, ArticleJson.line(article), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Future<Void> send(Vertx vertx, String url, List<Object> replies) {
        return send(vertx, TestArticles.minimal(url), replies);
    }

    private static Future<Void> send(Vertx vertx, Article article, List<Object> replies) {
        LocalCodec.register(vertx.eventBus());
        return vertx.eventBus().request(Addresses.SINK_WRITE, article, LocalCodec.OPTIONS)
                .map(Message::body)
                .map(body -> {
                    replies.add(body);
                    return null;
                });
    }

    private static void moveAway(Path file) {
        try {
            Files.move(file, file.resolveSibling("taken-" + file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
