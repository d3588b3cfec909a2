/**
 * Politeness: the per-host clock, per-host concurrency and robots.txt rules that decide when a host may
 * be asked for what. Plain single-threaded classes with an injected {@link java.time.Clock}; the frontier
 * verticle owns one {@link io.herald.politeness.PolitenessGate} and is its only caller.
 */
package io.herald.politeness;
