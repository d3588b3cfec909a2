package io.herald.config;

import java.time.Duration;

/**
 * The {@code monitor} section.
 *
 * @param enabled          whether to serve /health, /status and /metrics
 * @param host             address to bind (127.0.0.1 unless you mean to expose it)
 * @param port             port to bind; 0 picks a free one (the address is logged)
 * @param progressInterval how often a progress line is logged; 0 turns it off
 * @param stallAfter       /health says "stalled" when no page was fetched for this long while hosts are due, and
 *                         "checkpoint" when the state was not committed for this long
 * @param minFreeDisk      /health is DOWN while the output or state folder has fewer free bytes; 0 = no check
 * @param token            the bearer token of the /control endpoints; null = no control endpoints
 * @param metricsTopHosts  per-host series on /metrics for this many of the busiest hosts; 0 = no host label
 */
public record MonitorConfig(boolean enabled, String host, int port, Duration progressInterval, Duration stallAfter,
                            long minFreeDisk, String token, int metricsTopHosts) {
    public static final Duration DEFAULT_STALL_AFTER = Duration.ofMinutes(2);
    public static final long DEFAULT_MIN_FREE_DISK = 100L * 1024 * 1024;

    /** The defaults of the health thresholds, no control endpoints, no per-host series. */
    public MonitorConfig(boolean enabled, String host, int port, Duration progressInterval) {
        this(enabled, host, port, progressInterval, DEFAULT_STALL_AFTER, DEFAULT_MIN_FREE_DISK, null, 0);
    }

    /** Health thresholds and control as given, no per-host series on /metrics. */
    public MonitorConfig(boolean enabled, String host, int port, Duration progressInterval, Duration stallAfter,
                         long minFreeDisk, String token) {
        this(enabled, host, port, progressInterval, stallAfter, minFreeDisk, token, 0);
    }

    /** The defaults of the health thresholds, no control endpoints, per-host series for the busiest hosts. */
    public MonitorConfig(boolean enabled, String host, int port, Duration progressInterval, int metricsTopHosts) {
        this(enabled, host, port, progressInterval, DEFAULT_STALL_AFTER, DEFAULT_MIN_FREE_DISK, null, metricsTopHosts);
    }

    /** Whether the /control endpoints exist. */
    public boolean controlEnabled() {
        return token != null;
    }
}
