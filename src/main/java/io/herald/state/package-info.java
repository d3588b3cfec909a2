/**
 * The crawl's durable state: an embedded RocksDB ({@link io.herald.state.StateDb}) that holds the frontier's
 * queues and in-flight URLs ({@link io.herald.state.RocksFrontierStore}), the seen set
 * ({@link io.herald.state.RocksSeenSet}), the politeness gate's per-host state
 * ({@link io.herald.state.RocksHostStore}) and the crawl's counters, and the fingerprint of the configuration
 * that made it ({@link io.herald.state.ConfigFingerprint}), so a stopped or crashed crawl resumes where it
 * was. It implements the storage interfaces of the frontier and the politeness gate; only {@code app} opens
 * and closes it.
 */
package io.herald.state;
