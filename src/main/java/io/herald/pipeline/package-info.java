/**
 * The pipeline slots: {@link io.herald.pipeline.SlotVerticle} pulls a task from the frontier and carries it
 * through fetch, extraction (or sitemap reading) and the sink before it asks again, so the number of slots
 * bounds the requests and pages in flight.
 *
 * <p>Imports {@code model} (the messages and their {@link io.herald.model.Addresses}) and, the one stage it
 * sees, {@code fetch}: the slot makes the HTTP exchange itself through {@link io.herald.fetch.PageFetcher},
 * so the end of the response reaches the frontier with no extra hop and the host's clock starts there.
 * Extraction, discovery, the sink and the frontier it reaches only by event-bus address.
 */
package io.herald.pipeline;
