/**
 * One HTTP exchange per call, turned into a {@link io.herald.model.FetchResult} value.
 *
 * <p>{@link io.herald.fetch.PageFetcher} sends one GET and reports what came of it: a body within the size
 * cap, a redirect, an HTTP error, a network failure, a body that was too large, or a page that is not HTML.
 * It never throws and never returns a failed future, because a hostile or broken server is an ordinary
 * event for a crawler. It deliberately does not follow redirects, retry or wait between requests: the
 * frontier and the politeness gate own those decisions and the per-host clock they need.
 */
package io.herald.fetch;
