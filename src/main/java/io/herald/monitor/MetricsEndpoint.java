package io.herald.monitor;

import io.herald.model.Addresses;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.herald.model.FrontierStatus;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code GET /metrics}: refreshes the gauges read from the frontier's status, then answers the registry in the
 * Prometheus text format, leaving out the host-labelled counters kept for {@code /status}
 * ({@link DerivedMeters#HOST_LABELLED}). Per-host series appear only for the busiest
 * {@code monitor.metricsTopHosts} hosts, so the number of series stays bounded however many hosts a crawl meets.
 */
final class MetricsEndpoint implements Handler<RoutingContext> {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final DeliveryOptions STATUS_TIMEOUT = new DeliveryOptions().setSendTimeout(2000);

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final FrontierGauges frontier;

    MetricsEndpoint(Vertx vertx, PrometheusMeterRegistry registry, int topHosts) {
        this.vertx = vertx;
        this.registry = registry;
        this.frontier = new FrontierGauges(registry, topHosts);
        DerivedMeters.register(registry);
    }

    @Override
    public void handle(RoutingContext ctx) {
        // a frontier that does not answer leaves its gauges as last read; the counters are scraped anyway
        vertx.eventBus().<FrontierStatus>request(Addresses.FRONTIER_STATUS, null, STATUS_TIMEOUT)
                .onSuccess(reply -> frontier.update(StatusJson.frontier(reply.body())))
                .onComplete(ar -> ctx.response().putHeader("content-type", CONTENT_TYPE)
                        .end(registry.scrape(CONTENT_TYPE, scrapedNames())));
    }

    /**
     * The Prometheus names of every meter but the host-labelled ones. The registry filters on a metric family's
     * name, which for a counter may be given with or without {@code _total}: both are listed.
     */
    private Set<String> scrapedNames() {
        NamingConvention convention = registry.config().namingConvention();
        Set<String> names = new HashSet<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            if (!DerivedMeters.HOST_LABELLED.contains(id.getName())) {
                String name = convention.name(id.getName(), id.getType(), id.getBaseUnit());
                names.add(name);
                names.add(name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name);
            }
        }
        return names;
    }
}
