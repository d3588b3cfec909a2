/**
 * The frontier: which URL is fetched next. It normalises, scopes and de-duplicates every offered URL,
 * keeps one FIFO queue per host (related-story links ahead of other links), asks the
 * {@link io.herald.politeness.PolitenessGate} when each host may be asked again, and knows when the crawl
 * is over. {@link io.herald.frontier.Frontier} is plain single-threaded logic;
 * {@link io.herald.frontier.FrontierVerticle} is its only owner and adapts it to the event bus.
 */
package io.herald.frontier;
