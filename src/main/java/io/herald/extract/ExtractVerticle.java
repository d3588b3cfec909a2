package io.herald.extract;

import io.herald.model.Addresses;
import io.herald.model.ExtractResult;
import io.herald.model.LocalCodec;
import io.herald.model.Page;
import io.herald.model.PageType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link Addresses#EXTRACT}: a {@link Page} in, an {@link ExtractResult} out. Deployed as a worker
 * verticle because parsing is CPU work that must stay off the event loops. Counts pages by type
 * ({@code herald.extract.pages{type}}) and per-site field completeness and site-rule misses
 * ({@link ExtractMetrics}).
 */
public final class ExtractVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractVerticle.class);
    static final String METRIC = "herald.extract.pages";

    private final ArticleExtractor extractor;
    private final MeterRegistry registry;
    private final ExtractMetrics metrics;

    public ExtractVerticle(ArticleExtractor extractor, MeterRegistry registry) {
        this.extractor = extractor;
        this.registry = registry;
        this.metrics = new ExtractMetrics(registry);
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        return vertx.eventBus().<Page>consumer(Addresses.EXTRACT, this::handle).completion();
    }

    private void handle(Message<Page> message) {
        ExtractResult result;
        String type;
        try {
            Page page = message.body();
            result = extractor.extract(page.body(), page.contentType(), page.source().url());
            type = result.type().name().toLowerCase(Locale.ROOT);
            metrics.record(page.source().url(), result);
        } catch (RuntimeException e) {
            LOG.warn("Extraction failed unexpectedly: {}", e.toString());
            result = new ExtractResult(PageType.OTHER, null, List.of());
            type = "failed";
        }
        count(type);
        message.reply(result, LocalCodec.OPTIONS);
    }

    private void count(String type) {
        Counter.builder(METRIC).description("Pages extracted, by page type").tag("type", type)
                .register(registry).increment();
    }
}
