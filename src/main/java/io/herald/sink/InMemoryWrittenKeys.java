package io.herald.sink;

import io.herald.util.LongHashSet;
import io.herald.util.UrlHash;

/**
 * {@link WrittenKeys} on the heap, as 64-bit hashes (a few million articles cost tens of megabytes; two keys
 * collide with odds below one in a million at ten million articles). Nothing is kept between runs, so the sink
 * reads all earlier output back at start.
 */
public final class InMemoryWrittenKeys implements WrittenKeys {
    private final LongHashSet keys = new LongHashSet();

    @Override
    public synchronized boolean claim(String key) {
        return keys.add(UrlHash.of(key));
    }

    @Override
    public void recorded(String key) {
        // nothing to make durable
    }

    @Override
    public synchronized void release(String key) {
        keys.remove(UrlHash.of(key));
    }

    @Override
    public synchronized long size() {
        return keys.size();
    }

    @Override
    public OutputMark mark() {
        return null;
    }

    @Override
    public void marked(OutputMark mark) {
        // nothing is kept between runs
    }
}
