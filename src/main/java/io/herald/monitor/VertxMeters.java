package io.herald.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.EnumSet;
import java.util.Set;

/** Vert.x's own meters (event loops, event bus, HTTP client and server, pools) and the JVM's, with bounded labels. */
public final class VertxMeters {
    /**
     * Labels whose values grow with the crawl: a crawler's HTTP client opens a pool per host (pool_name is
     * {@code host:port}) and talks to every remote address. Herald's own {@code herald_host_*} gauges carry
     * per-host series instead, for the busiest hosts only.
     */
    static final Set<Label> PER_HOST = EnumSet.of(Label.POOL_NAME, Label.REMOTE, Label.LOCAL, Label.HTTP_PATH);

    private VertxMeters() {
    }

    /**
     * Denies the HTTP client's per-host pool meters ({@code vertx_pool_*{pool_type="http"}}), which Vert.x names by
     * {@code host:port} whatever the labels option says; {@code vertx_http_client_*} keeps the totals. Call it on
     * the registry before Vert.x starts.
     */
    public static <R extends MeterRegistry> R bounded(R registry) {
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().startsWith("vertx.pool")
                && "http".equals(id.getTag("pool_type"))));
        return registry;
    }

    /** Vert.x and JVM metrics on, with the default labels but {@link #PER_HOST}. */
    public static MicrometerMetricsOptions options() {
        EnumSet<Label> labels = EnumSet.noneOf(Label.class);
        labels.addAll(MicrometerMetricsOptions.DEFAULT_LABELS);
        labels.removeAll(PER_HOST);
        return new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true).setLabels(labels);
    }
}
