/**
 * Fetching: {@link io.herald.fetch.PageFetcher} makes one HTTP exchange and turns every outcome into a
 * {@link io.herald.model.FetchResult}; {@link io.herald.fetch.FetchVerticle} runs the pipeline slots
 * that pull work from the frontier and carry pages through extraction and the sink.
 */
package io.herald.fetch;
