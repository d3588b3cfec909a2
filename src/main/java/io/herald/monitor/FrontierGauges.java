package io.herald.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Gauges read from the frontier's last status (what {@code /status} shows under {@code frontier}): queue depth,
 * requests in flight, hosts by state and, when {@code topHosts > 0}, per-host series for the busiest hosts only,
 * so a crawl of thousands of hosts still exposes a bounded number of series. {@link #update} is called with a
 * fresh status just before each scrape; the gauges only read the value it keeps.
 */
final class FrontierGauges {
    /** States of {@code herald.hosts}; every host the status lists is in exactly one. */
    static final List<String> HOST_STATES = List.of("active", "idle", "parked", "given_up");

    private final int topHosts;
    private final MultiGauge hostRequests;
    private final MultiGauge hostQueued;
    private final MultiGauge hostDelay;
    private volatile JsonObject status = new JsonObject();

    FrontierGauges(MeterRegistry registry, int topHosts) {
        this.topHosts = topHosts;
        gauge(registry, "herald.frontier.queued", "URLs queued in the frontier", s -> num(s, "queued"));
        gauge(registry, "herald.frontier.seen", "URLs the frontier has seen (queued, done or refused)", s -> num(s, "seen"));
        gauge(registry, "herald.frontier.pages.started", "Page requests started by the whole crawl (the crawl.maxPages budget used)",
                s -> num(s, "pagesStarted"));
        gauge(registry, "herald.frontier.sitemaps.queued", "Sitemaps and feeds waiting to be fetched", s -> num(s, "sitemapsQueued"));
        Map.of("page", "pagesInFlight", "robots", "robotsInFlight", "sitemap", "sitemapsInFlight").forEach((kind, field) ->
                Gauge.builder("herald.frontier.in.flight", this, g -> num(g.status, field)).tag("kind", kind)
                        .description("Requests handed out and not yet finished, by kind").register(registry));
        gauge(registry, "herald.hosts.known", "Hosts the frontier knows", s -> num(s, "hostCount"));
        for (String state : HOST_STATES) {
            Gauge.builder("herald.hosts", this, g -> g.hostsIn(state)).tag("state", state)
                    .description("Hosts by politeness state (of the first 500 the frontier lists)").register(registry);
        }
        hostRequests = MultiGauge.builder("herald.host.requests")
                .description("Requests sent to the host so far, for the busiest monitor.metricsTopHosts hosts").register(registry);
        hostQueued = MultiGauge.builder("herald.host.queued")
                .description("URLs queued for the host, for the busiest monitor.metricsTopHosts hosts").register(registry);
        hostDelay = MultiGauge.builder("herald.host.delay").baseUnit("seconds")
                .description("The host's politeness delay now, for the busiest monitor.metricsTopHosts hosts").register(registry);
    }

    /** Takes the frontier's status as of now; per-host series follow the busiest hosts in it. */
    void update(JsonObject frontierStatus) {
        status = frontierStatus;
        if (topHosts > 0) {
            List<Map.Entry<String, JsonObject>> busiest = busiest(frontierStatus, topHosts);
            hostRequests.register(rows(busiest, h -> num(h, "requests")), true);
            hostQueued.register(rows(busiest, h -> num(h, "queued")), true);
            hostDelay.register(rows(busiest, h -> num(h, "delayMs") / 1000.0), true);
        }
    }

    /** The state of one host of the status: given up, parked (circuit open), active (work queued or in flight), idle. */
    static String stateOf(JsonObject host) {
        if (host.getValue("skipped") != null) {
            return "given_up";
        }
        if ("parked".equals(host.getString("delayReason")) && num(host, "dueInMs") > 0) {
            return "parked";
        }
        return num(host, "queued") > 0 || num(host, "inFlight") > 0 ? "active" : "idle";
    }

    static List<Map.Entry<String, JsonObject>> busiest(JsonObject status, int n) {
        JsonObject hosts = status.getJsonObject("hosts", new JsonObject());
        List<Map.Entry<String, JsonObject>> all = new ArrayList<>();
        hosts.fieldNames().forEach(h -> all.add(Map.entry(h, hosts.getJsonObject(h))));
        all.sort(Comparator.comparingDouble((Map.Entry<String, JsonObject> e) -> num(e.getValue(), "requests")).reversed()
                .thenComparing(Map.Entry::getKey));
        return all.subList(0, Math.min(n, all.size()));
    }

    private double hostsIn(String state) {
        JsonObject hosts = status.getJsonObject("hosts", new JsonObject());
        return hosts.fieldNames().stream().filter(h -> stateOf(hosts.getJsonObject(h)).equals(state)).count();
    }

    private static List<MultiGauge.Row<?>> rows(List<Map.Entry<String, JsonObject>> hosts, ToDoubleFunction<JsonObject> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonObject> host : hosts) {
            rows.add(MultiGauge.Row.of(Tags.of("host", host.getKey()), value.applyAsDouble(host.getValue())));
        }
        return rows;
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<JsonObject> value) {
        Gauge.builder(name, this, g -> value.applyAsDouble(g.status)).description(description).register(registry);
    }

    private static double num(JsonObject json, String field) {
        Number n = json.getNumber(field);
        return n == null ? 0 : n.doubleValue();
    }
}
