/**
 * The frontier: which URL is fetched next. It normalises, scopes and de-duplicates every offered URL,
 * keeps one FIFO queue per host (related-story links ahead of other links), asks the
 * {@link io.herald.politeness.PolitenessGate} when each host may be asked again, and knows when the crawl
 * is over. {@link io.herald.frontier.Frontier} is plain single-threaded logic, and so are the
 * {@link io.herald.frontier.TaskDispatcher} (the slots' long poll) and the
 * {@link io.herald.frontier.CheckpointCycle}; {@link io.herald.frontier.FrontierVerticle} is their only owner
 * and adapts them to the event bus. In {@code crawl.mode: continuous} the {@link io.herald.frontier.RevisitSchedule}
 * decides when each hub (seed, section front, feed, sitemap) is queued again.
 */
package io.herald.frontier;
