package io.herald.pipeline;

import io.herald.model.Validators;

import io.herald.model.Addresses;
import io.herald.model.Article;
import io.herald.model.ArticleContent;
import io.herald.model.CrawlUrl;
import io.herald.model.Discovered;
import io.herald.model.DiscoveredLink;
import io.herald.model.ExtractResult;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.HttpCapture;
import io.herald.model.LocalCodec;
import io.herald.model.PageType;
import io.herald.model.Processed;
import io.herald.model.Via;
import io.herald.model.WarcRef;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What a slot does with a result, seen from stand-ins for the stages on the event bus. */
@ExtendWith(VertxExtension.class)
class PageStagesTest {
    private static final CrawlUrl PAGE = new CrawlUrl("http://news.test/story", "http://news.test:80", 1, null,
            Via.LINK, 0, 0);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private PageStages stages;

    @BeforeEach
    void stages(Vertx vertx) {
        LocalCodec.register(vertx.eventBus());
        vertx.eventBus().consumer(Addresses.FRONTIER_FETCHED, msg -> heard.add("fetched"));
        stages = new PageStages(vertx.eventBus());
    }

    private static FetchResult fetched(FetchTask.Kind kind) {
        return new FetchResult.Fetched(new FetchTask(PAGE, kind), Duration.ofMillis(1), Duration.ofMillis(1), 200,
                "text/html", "<p>story</p>".getBytes(StandardCharsets.UTF_8), Instant.EPOCH, Validators.NONE);
    }

    private static ArticleContent content() {
        return new ArticleContent(null, "Title", null, List.of(), null, null, null, List.of(), null, null,
                "Some text.", 2, List.of(), List.of(), null);
    }

    @Test
    void anArticleIsReportedFetchedBeforeExtractionThenWrittenThenProcessedWithItsLinks(Vertx vertx,
                                                                                        VertxTestContext ctx) {
        List<DiscoveredLink> links = List.of(new DiscoveredLink("http://news.test/next", Via.LINK));
        vertx.eventBus().consumer(Addresses.EXTRACT, msg -> {
            heard.add("extract");
            msg.reply(new ExtractResult(PageType.ARTICLE, content(), links, List.of()), LocalCodec.OPTIONS);
        });
        vertx.eventBus().consumer(Addresses.SINK_WRITE, msg -> {
            heard.add("sink");
            msg.reply(Boolean.TRUE);
        });
        vertx.eventBus().<Processed>consumer(Addresses.FRONTIER_PROCESSED, msg -> ctx.verify(() -> {
            assertThat(heard).containsExactly("fetched", "extract", "sink");
            assertThat(msg.body().article()).isTrue();
            assertThat(msg.body().links()).isEqualTo(links);
            ctx.completeNow();
        }));
        stages.fetched(fetched(FetchTask.Kind.PAGE)).onFailure(ctx::failNow);
    }

    @Test
    void aFailedExtractionStillTellsTheFrontierThePageIsOver(Vertx vertx, VertxTestContext ctx) {
        vertx.eventBus().consumer(Addresses.EXTRACT, msg -> msg.fail(500, "extractor broke"));
        vertx.eventBus().consumer(Addresses.SINK_WRITE, msg -> ctx.failNow("nothing to write"));
        vertx.eventBus().<Processed>consumer(Addresses.FRONTIER_PROCESSED, msg -> ctx.verify(() -> {
            assertThat(msg.body().article()).isFalse();
            assertThat(msg.body().links()).isEmpty();
            ctx.completeNow();
        }));
        stages.fetched(fetched(FetchTask.Kind.PAGE)).onFailure(ctx::failNow);
    }

    @Test
    void aSitemapGoesToDiscoveryAndWhatItFoundToTheFrontier(Vertx vertx, VertxTestContext ctx) {
        Discovered found = new Discovered(PAGE, List.of("http://news.test/a"), List.of(), null);
        vertx.eventBus().consumer(Addresses.EXTRACT, msg -> ctx.failNow("a sitemap is not extracted"));
        vertx.eventBus().consumer(Addresses.DISCOVER, msg -> msg.reply(found, LocalCodec.OPTIONS));
        vertx.eventBus().<Discovered>consumer(Addresses.FRONTIER_DISCOVERED, msg -> ctx.verify(() -> {
            assertThat(msg.body()).isSameAs(found);
            assertThat(heard).containsExactly("fetched");
            ctx.completeNow();
        }));
        stages.fetched(fetched(FetchTask.Kind.SITEMAP)).onFailure(ctx::failNow);
    }

    @Test
    void aRobotsFileGoesNoFurtherThanTheFrontier(Vertx vertx, VertxTestContext ctx) {
        vertx.eventBus().consumer(Addresses.EXTRACT, msg -> ctx.failNow("robots.txt is not extracted"));
        vertx.eventBus().consumer(Addresses.DISCOVER, msg -> ctx.failNow("robots.txt is not discovery"));
        assertThat(stages.fetched(fetched(FetchTask.Kind.ROBOTS)).succeeded()).as("over at once").isTrue();
        vertx.eventBus().consumer(Addresses.FRONTIER_STOP, msg -> ctx.verify(() -> {
            assertThat(heard).containsExactly("fetched"); // the bus delivers in order: FETCHED came first
            ctx.completeNow();
        }));
        vertx.eventBus().send(Addresses.FRONTIER_STOP, null);
    }

    private static HttpCapture capture() {
        return new HttpCapture(PAGE.url(), Instant.EPOCH, "127.0.0.1", "GET", "/story", "HTTP/1.1",
                List.of(Map.entry("host", "news.test")), 200, "OK", List.of(Map.entry("content-type", "text/html")),
                "<p>story</p>".getBytes(StandardCharsets.UTF_8), null);
    }

    private void extractsAnArticle(Vertx vertx) {
        vertx.eventBus().consumer(Addresses.EXTRACT, msg -> {
            heard.add("extract");
            msg.reply(new ExtractResult(PageType.ARTICLE, content(), List.of(), List.of()), LocalCodec.OPTIONS);
        });
    }

    @Test
    void withWarcTheExchangeIsRecordedBeforeExtractionAndTheArticleNamesItsRecord(Vertx vertx,
                                                                                VertxTestContext ctx) {
        WarcRef ref = new WarcRef("herald-20260301101530-00000.warc.gz", 1234);
        vertx.eventBus().consumer(Addresses.SINK_RECORD, msg -> {
            heard.add("record");
            msg.reply(ref, LocalCodec.OPTIONS);
        });
        extractsAnArticle(vertx);
        vertx.eventBus().<Article>consumer(Addresses.SINK_WRITE, msg -> ctx.verify(() -> {
            assertThat(heard).containsExactly("fetched", "record", "extract");
            assertThat(msg.body().warc()).isEqualTo(ref);
            ctx.completeNow();
        }));
        stages.fetched(fetched(FetchTask.Kind.PAGE), capture()).onFailure(ctx::failNow);
    }

    @Test
    void aRecordTheSinkCouldNotWriteLeavesTheArticleWithoutAWarcRecord(Vertx vertx, VertxTestContext ctx) {
        vertx.eventBus().consumer(Addresses.SINK_RECORD, msg -> msg.fail(500, "WARC write failed"));
        extractsAnArticle(vertx);
        vertx.eventBus().<Article>consumer(Addresses.SINK_WRITE, msg -> ctx.verify(() -> {
            assertThat(msg.body().warc()).isNull();
            ctx.completeNow();
        }));
        stages.fetched(fetched(FetchTask.Kind.PAGE), capture()).onFailure(ctx::failNow);
    }
}
