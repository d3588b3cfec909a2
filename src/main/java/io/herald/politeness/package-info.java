/**
 * Politeness: the per-host clock, per-host concurrency and robots.txt rules that decide when a host may
 * be asked for what. Plain single-threaded classes with an injected {@link java.time.Clock}; the frontier
 * verticle owns one {@link io.herald.politeness.PolitenessGate} and is its only caller. What the gate learns
 * of a host is kept across runs through a {@link io.herald.politeness.HostStore}, which the {@code state}
 * package implements on RocksDB.
 */
package io.herald.politeness;
