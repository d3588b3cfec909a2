package io.herald.discovery;

import io.herald.model.Addresses;
import io.herald.model.Discovered;
import io.herald.model.LocalCodec;
import io.herald.model.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Reads fetched sitemaps and feeds on a worker thread (they can be 50 MB of XML): a {@link Page} in on
 * {@link Addresses#DISCOVER}, a {@link Discovered} back. Counts {@code herald.discovery.sitemaps{result}}
 * and {@code herald.discovery.urls}.
 */
public final class DiscoveryVerticle extends VerticleBase {
    private final SitemapReader reader;
    private final MeterRegistry registry;

    public DiscoveryVerticle(SitemapReader reader, MeterRegistry registry) {
        this.reader = reader;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        LocalCodec.register(vertx.eventBus());
        vertx.eventBus().<Page>consumer(Addresses.DISCOVER, msg -> msg.reply(read(msg.body()), LocalCodec.OPTIONS));
        return Future.succeededFuture();
    }

    private Discovered read(Page page) {
        SitemapResult result = reader.read(page.source().url(), page.body(), page.contentType());
        Counter.builder("herald.discovery.sitemaps").tag("result", result.ok() ? "read" : "problem")
                .register(registry).increment();
        Counter.builder("herald.discovery.urls").register(registry).increment(result.pages().size());
        return new Discovered(page.source(), result.pages().stream().map(SitemapEntry::url).toList(),
                result.sitemaps(), result.problem());
    }
}
