package io.herald.config;

import java.time.Duration;

/**
 * The {@code monitor} section.
 *
 * @param enabled          whether to serve /health, /status and /metrics
 * @param host             address to bind (127.0.0.1 unless you mean to expose it)
 * @param port             port to bind; 0 picks a free one (the address is logged)
 * @param progressInterval how often a progress line is logged; 0 turns it off
 */
public record MonitorConfig(boolean enabled, String host, int port, Duration progressInterval) {
}
