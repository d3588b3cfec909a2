package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Addresses;
import io.herald.model.CrawlUrl;
import io.herald.model.ExtractResult;
import io.herald.model.LocalCodec;
import io.herald.model.Page;
import io.herald.model.PageType;
import io.herald.model.Via;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ExtractVerticleTest {
    private static final String URL = "https://sputnikglobe.com/20170302/palmyra-syria-army-daesh-1051220510.html";
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void deploy(Vertx vertx, VertxTestContext ctx) {
        vertx.deployVerticle(() -> new ExtractVerticle(ExtractFixturesTest.EXTRACTOR, registry),
                        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                .onComplete(ctx.succeedingThenComplete());
    }

    private static Page page(CrawlUrl source, byte[] body) {
        return new Page(source, 200, "text/html", body, Instant.parse("2026-01-15T12:00:00Z"));
    }

    @Test
    void repliesWithTheExtractResult(Vertx vertx, VertxTestContext ctx) throws Exception {
        CrawlUrl source = new CrawlUrl(URL, "https://sputnikglobe.com:443", 1, null, Via.SEED, 0, 0);
        Page page = page(source, ExtractFixturesTest.resource("wire-jsonld.html"));
        vertx.eventBus().<ExtractResult>request(Addresses.EXTRACT, page, LocalCodec.OPTIONS)
                .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
                    ExtractResult r = reply.body();
                    assertThat(r.type()).isEqualTo(PageType.ARTICLE);
                    assertThat(r.article().title()).startsWith("Just a Question of Time");
                    assertThat(r.links()).isNotEmpty();
                    assertThat(count("article")).isEqualTo(1.0);
                    assertThat(field("title", "true")).isEqualTo(1.0);
                    assertThat(field("body", "true")).isEqualTo(1.0);
                    assertThat(field("date", "true")).isEqualTo(1.0);
                    assertThat(field("author", "false")).isEqualTo(1.0); // the publisher is not an author
                    ctx.completeNow();
                })));
    }

    @Test
    void unexpectedFailureRepliesOtherAndCountsFailed(Vertx vertx, VertxTestContext ctx) {
        Page broken = page(null, new byte[] {1, 2, 3}); // no source: the handler cannot even read the URL
        vertx.eventBus().<ExtractResult>request(Addresses.EXTRACT, broken, LocalCodec.OPTIONS)
                .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
                    assertThat(reply.body().type()).isEqualTo(PageType.OTHER);
                    assertThat(reply.body().links()).isEmpty();
                    assertThat(count("failed")).isEqualTo(1.0);
                    assertThat(count("article")).isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    void siteRuleMissesAreCountedPerHostAndField(Vertx vertx, VertxTestContext ctx) {
        String html = "<html><head><title>Grain prices ease</title><meta property=\"og:type\" content=\"article\">"
                + "</head><body><article><h1>Grain prices ease</h1>"
                + "<p>" + "Wheat and maize prices eased on Tuesday as forecasts improved, traders said. ".repeat(12)
                + "</p></article></body></html>";
        CrawlUrl source = new CrawlUrl("https://rules.example/markets/x", "https://rules.example:443", 1, null,
                Via.SEED, 0, 0);
        Page page = page(source, html.getBytes(StandardCharsets.UTF_8));
        vertx.eventBus().<ExtractResult>request(Addresses.EXTRACT, page, LocalCodec.OPTIONS)
                .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
                    assertThat(reply.body().type()).isEqualTo(PageType.ARTICLE);
                    var misses = registry.find(ExtractMetrics.RULE_MISSES).tag("host", "rules.example").counters();
                    assertThat(misses).extracting(c -> c.getId().getTag("field"))
                            .contains("title", "body", "date", "author");
                    ctx.completeNow();
                })));
    }

    private double field(String field, String present) {
        var counter = registry.find(ExtractMetrics.FIELDS).tag("host", "sputnikglobe.com").tag("field", field)
                .tag("present", present).counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String type) {
        var counter = registry.find(ExtractVerticle.METRIC).tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }
}
