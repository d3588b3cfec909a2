/**
 * Watching a crawl: counters read from the Micrometer registry every stage writes to
 * ({@link io.herald.monitor.CrawlStats}), for this run and, with the {@link io.herald.monitor.CrawlHistory} of the
 * earlier runs, for the whole crawl; the HTTP endpoints {@code /health}, {@code /status} and
 * {@code /metrics} ({@link io.herald.monitor.MonitorVerticle}) and the console progress line
 * ({@link io.herald.monitor.ProgressVerticle}).
 */
package io.herald.monitor;
