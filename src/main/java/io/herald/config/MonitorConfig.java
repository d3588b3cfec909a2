package io.herald.config;

import java.time.Duration;

/**
 * The {@code monitor} section.
 *
 * @param enabled          whether to serve /health, /status and /metrics
 * @param host             address to bind (127.0.0.1 unless you mean to expose it)
 * @param port             port to bind; 0 picks a free one (the address is logged)
 * @param progressInterval how often a progress line is logged; 0 turns it off
 * @param metricsTopHosts  per-host series on /metrics for this many of the busiest hosts; 0 = no host label
 */
public record MonitorConfig(boolean enabled, String host, int port, Duration progressInterval, int metricsTopHosts) {
    /** Without per-host series on /metrics. */
    public MonitorConfig(boolean enabled, String host, int port, Duration progressInterval) {
        this(enabled, host, port, progressInterval, 0);
    }
}
