/**
 * Discovery: turns a fetched sitemap, sitemap index or news feed into URLs for the frontier.
 * {@link io.herald.discovery.SitemapReader} is a pure parser (bytes in, {@link io.herald.discovery.SitemapResult}
 * out, never a throw) on top of crawler-commons' {@code SiteMapParser}; it also lists the {@code Sitemap:}
 * lines of a parsed robots.txt. Fetching, scope and de-duplication across documents belong to the caller.
 */
package io.herald.discovery;
