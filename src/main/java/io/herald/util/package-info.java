/**
 * Small helpers shared by stages, used like a third-party library: {@link io.herald.util.LongHashSet}
 * and {@link io.herald.util.UrlHash} for sets that remember URLs by a 64-bit hash, {@link io.herald.util.DiskFull}
 * to recognise a full disk in an exception. No crawl logic, no state.
 */
package io.herald.util;
