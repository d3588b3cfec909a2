/**
 * Fetching: {@link io.herald.fetch.PageFetcher} makes one HTTP exchange and turns every outcome into a
 * {@link io.herald.model.FetchResult}. The slots that carry pages on through extraction and the sink are in
 * {@code io.herald.pipeline}.
 */
package io.herald.fetch;
