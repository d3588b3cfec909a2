/**
 * The bundled demo news site: three invented publications served on loopback addresses, each with its own
 * markup (a wire agency with JSON-LD, a WordPress-like local paper without it, a modern regional site with a
 * JSON-LD {@code @graph}), their robots.txt rules, and a {@link io.herald.demo.DemoSite.Manifest} stating what
 * a correct crawl must find. It exists so that {@code scripts/demo} and the end-to-end tests exercise the
 * crawler and the extractor against pages that look like the real thing, without touching the network.
 *
 * <p>Articles live in {@code src/main/resources/demo-site/*.json}; every page is rendered once, after the
 * servers are bound, because links must carry the real ports (port 0 in tests).
 */
package io.herald.demo;
